package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.insyn.core.service.WorkspaceConfig;

/**
 * The same suite on a real PostgreSQL server (shared mode), each test in a schema of its own. The server is the one
 * {@code ./insyn test} starts on loopback; without it these tests fail, they do not skip.
 */
class PostgresStoreTest extends StoreContract {

    static String serverUrl() {
        String url = System.getProperty("insyn.pg.url", "");
        assertFalse(url.isBlank() || url.startsWith("${"),
                "no PostgreSQL server: run the tests with ./insyn test, which starts one (or pass -Dinsyn.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB)");
        return url;
    }

    @Override
    WorkspaceConfig config(Path directory) {
        return inNewSchema(directory);
    }

    /** A workspace whose database is a fresh schema of the test server. */
    static WorkspaceConfig inNewSchema(Path directory) {
        String url = serverUrl();
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new WorkspaceConfig(directory, "delad lösenfras".toCharArray(),
                Optional.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema), Optional.empty(),
                Optional.empty());
    }
}
