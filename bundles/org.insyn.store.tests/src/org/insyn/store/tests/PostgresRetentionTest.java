package org.insyn.store.tests;

import java.nio.file.Path;

import org.insyn.core.service.WorkspaceConfig;

/** The retention suite on the real PostgreSQL server, in a schema of its own per test, each person on their own login. */
class PostgresRetentionTest extends RetentionContract {
    @Override
    WorkspaceConfig config(Path directory) {
        return Postgres.config(directory);
    }

    @Override
    boolean rowSecurity() {
        return true;
    }

    /** Shared mode keeps blobs in the database (read as the schema's owner, who sees every row). */
    @Override
    boolean blobStored(String sha256) throws Exception {
        return Postgres.owner(ws, c -> org.insyn.store.internal.Db.one(c, "SELECT 1 FROM blob WHERE sha256 = ?", rs -> true, sha256))
                .isPresent();
    }
}
