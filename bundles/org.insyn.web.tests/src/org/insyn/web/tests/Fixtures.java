package org.insyn.web.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SourceContext;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.ConfiguredSource;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.Settings;
import org.insyn.web.internal.SourceConfig;

/** Builds the real sources, client and contexts the tests use, pointed at the loopback fixture. */
final class Fixtures {
    static final String USER = "ida.investigator";

    private Fixtures() {
    }

    /** Short gaps between requests to one host, so that tests stay fast; the politeness test sets its own. */
    static PrivateHttp http() {
        return new PrivateHttp(new PrivateHttp.Limits(Duration.ofMillis(20), 1L << 20, 5));
    }

    static Settings settings(FixtureServer f) {
        return key -> key.startsWith("demo.") ? Optional.ofNullable(f.sites().get(key.substring(5))).map(Object::toString)
                : Optional.empty();
    }

    /** A built-in configuration of the bundle (e.g. "demo/sokfinn" or "google"). */
    static SourceConfig builtIn(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/sources/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no built-in source " + name);
            }
            return SourceConfig.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceConfig config(String json) {
        try {
            return SourceConfig.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfiguredSource demo(String name, FixtureServer f, PrivateHttp http) {
        return new ConfiguredSource(builtIn("demo/" + name), http, settings(f));
    }

    /** A source reading the demo search engine's result pages from another path of the fixture. */
    static ConfiguredSource resultPages(String id, String path, int timeoutSeconds, FixtureServer f, PrivateHttp http) {
        return new ConfiguredSource(config("""
                { "id": "%s", "name": "%s", "kind": "WEB", "type": "html", "url": "{setting:demo.web}%s",
                  "items": "div.result", "empty": "div.no-results", "next": "a.next@href", "maxPages": 3,
                  "fields": { "title": "a.result__a", "url": "a.result__a@href", "snippet": ".result__snippet" },
                  "timeoutSeconds": %d }
                """.formatted(id, id, path, timeoutSeconds)), http, settings(f));
    }

    static SourceContext context(List<NetworkRequest> log, Duration timeout) {
        return new SourceContext(USER, Optional.of(7L), Instant.now().plus(timeout), log::add, () -> false, (pages, hits) -> {
        });
    }

    static List<NetworkRequest> log() {
        return new CopyOnWriteArrayList<>();
    }
}
