package org.insyn.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SourceException;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.fixture.FixtureServer.Request;
import org.insyn.web.internal.PrivateHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R15: the one private HTTP client, against real HTTP on loopback. */
class PrivateHttpTest {
    private FixtureServer web;

    @BeforeEach
    void start() throws Exception {
        web = FixtureServer.start();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private URI at(String path) {
        return URI.create(web.base("web") + path);
    }

    @Test
    void R15_noCookiesNoRefererAndTheSameNeutralUserAgent() throws Exception {
        PrivateHttp http = Fixtures.http();
        List<NetworkRequest> log = Fixtures.log();
        http.get(at("/sok?q=Berit+Beritsson"), "test", Fixtures.context(log, Duration.ofSeconds(5)));
        http.get(at("/sok?q=Berit+Beritsson&sida=2"), "test", Fixtures.context(log, Duration.ofSeconds(5)));

        List<Request> pages = web.requests().stream().filter(r -> r.target().startsWith("/sok")).toList();
        assertEquals(2, pages.size());
        for (Request r : web.requests()) {
            assertEquals(Optional.of(PrivateHttp.USER_AGENT), r.header("User-Agent"), r.target());
            assertEquals(Optional.empty(), r.header("Cookie"), "the cookie the site set must not come back: " + r.target());
            assertEquals(Optional.empty(), r.header("Referer"), r.target());
        }
    }

    @Test
    void R15_everyRequestIsLoggedWithMethodUrlStatusBytesAndTime() throws Exception {
        List<NetworkRequest> log = Fixtures.log();
        PrivateHttp.Response answer = Fixtures.http().get(at("/sok?q=Berit+Beritsson"), "search demo", Fixtures.context(log,
                Duration.ofSeconds(5)));

        assertEquals(List.of(at("/robots.txt").toString(), at("/sok?q=Berit+Beritsson").toString()),
                log.stream().map(NetworkRequest::url).toList());
        NetworkRequest page = log.get(1);
        assertEquals("GET", page.method());
        assertEquals(200, page.status());
        assertEquals(answer.body().length, page.bytes());
        assertTrue(page.bytes() > 500, "a whole result page: " + page.bytes());
        assertTrue(page.millis() >= 0);
        assertEquals("ok", page.outcome());
        assertEquals(Fixtures.USER, page.userId());
        assertEquals(Optional.of(7L), page.runId());
        assertEquals("search demo", page.purpose());
        assertEquals("robots.txt", log.get(0).purpose());
    }

    @Test
    void R15_robotsTxtIsRespected() {
        List<NetworkRequest> log = Fixtures.log();
        SourceException e = assertThrows(SourceException.class,
                () -> Fixtures.http().get(at("/privat/sok?q=x"), "test", Fixtures.context(log, Duration.ofSeconds(5))));

        assertEquals("source.robots", e.key());
        assertTrue(web.requests().stream().noneMatch(r -> r.target().startsWith("/privat/")), "the disallowed page was not fetched");
        assertEquals("blocked by robots.txt", log.get(log.size() - 1).outcome());
    }

    @Test
    void R15_requestsToOneHostArePolitelySpaced() throws Exception {
        PrivateHttp http = new PrivateHttp(new PrivateHttp.Limits(Duration.ofMillis(300), 1L << 20, 5));
        List<NetworkRequest> log = Fixtures.log();
        Instant start = Instant.now();
        for (int page = 1; page <= 3; page++) {
            http.get(at("/sok?q=Rinkeby&sida=" + page), "test", Fixtures.context(log, Duration.ofSeconds(10)));
        }
        // robots.txt and three pages: four requests, so at least three gaps of 300 ms
        assertEquals(4, web.requests().size());
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 900, "requests were not spaced");
    }

    @Test
    void R15_a50MegabyteAnswerIsCutAtTheSizeCap() {
        List<NetworkRequest> log = Fixtures.log();
        Instant start = Instant.now();
        SourceException e = assertThrows(SourceException.class,
                () -> Fixtures.http().get(at("/bad/huge"), "test", Fixtures.context(log, Duration.ofSeconds(20))));

        assertEquals("source.tooLarge", e.key());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5, "the cap ends the download early");
        NetworkRequest logged = log.get(log.size() - 1);
        assertEquals(1L << 20, logged.bytes());
        assertTrue(logged.outcome().contains("1,048,576 bytes"), logged.outcome());
    }

    @Test
    void aSlowDripAnswerEndsAtTheDeadline() {
        Instant start = Instant.now();
        SourceException e = assertThrows(SourceException.class,
                () -> Fixtures.http().get(at("/bad/drip"), "test", Fixtures.context(Fixtures.log(), Duration.ofSeconds(2))));

        assertEquals("source.timeout", e.key());
        long millis = Duration.between(start, Instant.now()).toMillis();
        assertTrue(millis >= 1900 && millis < 4000, "ended after " + millis + " ms");
    }

    @Test
    void aRedirectLoopEndsAfterTheRedirectLimitWithEveryHopLogged() {
        List<NetworkRequest> log = Fixtures.log();
        SourceException e = assertThrows(SourceException.class,
                () -> Fixtures.http().get(at("/bad/loop"), "test", Fixtures.context(log, Duration.ofSeconds(10))));

        assertEquals("source.redirects", e.key());
        assertEquals(6, log.stream().filter(r -> r.url().contains("/bad/loop")).count(), "the first request and five redirects");
        assertTrue(log.stream().filter(r -> r.url().contains("/bad/loop")).allMatch(r -> r.status() == 302));
        assertFalse(e.message(org.insyn.core.Messages.SWEDISH).isBlank());
    }
}
