package org.insyn.store.tests;

import java.nio.file.Path;

import org.insyn.core.service.WorkspaceConfig;

/**
 * The same suite on a real PostgreSQL server (shared mode), each test in a schema of its own, each person on their
 * own database login under row-level security. The server is the one {@code ./insyn test} starts on loopback;
 * without it these tests fail, they do not skip.
 */
class PostgresStoreTest extends StoreContract {

    @Override
    WorkspaceConfig config(Path directory) {
        return Postgres.config(directory);
    }

    @Override
    boolean rowSecurity() {
        return true;
    }

    /** Shared mode keeps blobs in the database: changed there as someone with access to the server could. */
    @Override
    void damageBlob(String sha256) throws Exception {
        Postgres.owner(ws, c -> org.insyn.store.internal.Db.update(c,
                "UPDATE blob SET content = overlay(content PLACING '\\x00'::bytea FROM length(content) - 20) WHERE sha256 = ?", sha256));
    }

    @Override
    void removeBlob(String sha256) throws Exception {
        Postgres.owner(ws, c -> org.insyn.store.internal.Db.update(c, "DELETE FROM blob WHERE sha256 = ?", sha256));
    }
}
