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
}
