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
}
