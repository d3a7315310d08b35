package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.insyn.core.service.WorkspaceConfig;

/** Shared mode on the PostgreSQL server of the tests: one schema per test, each person in a profile folder of their own. */
final class Shared {
    private final String url;

    Shared() {
        String server = System.getProperty("insyn.pg.url", "");
        assertFalse(server.isBlank() || server.startsWith("${"),
                "no PostgreSQL server: run the tests with ./insyn test, which starts one (or pass -Dinsyn.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB?user=USER&password=…)");
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String url() {
        return url;
    }

    /** What a workstation needs: the database's address and a local profile folder (nothing shared on disk). */
    WorkspaceConfig profile(Path folder) {
        return WorkspaceConfig.shared(folder, url, Optional.empty(), Optional.empty());
    }

    /** Waits until the condition holds; returns how long that took. */
    static Duration within(Duration limit, BooleanSupplier condition, Supplier<String> what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - start < limit.toNanos(), () -> "not within " + limit.toMillis() + " ms: " + what.get());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
