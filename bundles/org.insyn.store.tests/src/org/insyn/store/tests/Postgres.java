package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.insyn.core.service.WorkspaceConfig;

/** The PostgreSQL server of the tests: a schema of its own per test, made by the URL's user (who may create roles). */
final class Postgres {
    private Postgres() {
    }

    static String serverUrl() {
        String url = System.getProperty("insyn.pg.url", "");
        assertFalse(url.isBlank() || url.startsWith("${"),
                "no PostgreSQL server: run the tests with ./insyn test, which starts one (or pass -Dinsyn.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB?user=USER&password=…)");
        return url;
    }

    /** Runs SQL as the schema's owner (the first administrator's login), whom row-level security does not bind. */
    static <T> T owner(org.insyn.store.internal.StoreWorkspace admin, Sql<T> sql) throws Exception {
        try (java.sql.Connection c = admin.db().connection()) {
            return sql.run(c);
        }
    }

    @FunctionalInterface
    interface Sql<T> {
        T run(java.sql.Connection c) throws Exception;
    }

    /** Another workstation's profile folder on the same schema. */
    static WorkspaceConfig same(WorkspaceConfig config, Path directory) {
        return WorkspaceConfig.shared(directory, config.postgresUrl().orElseThrow(), Optional.empty(), Optional.empty());
    }

    static WorkspaceConfig config(Path directory) {
        String url = serverUrl();
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return WorkspaceConfig.shared(directory, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, Optional.empty(),
                Optional.empty());
    }
}
