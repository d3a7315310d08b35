package org.insyn.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.insyn.core.Messages;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SearchService.Listener;
import org.insyn.core.service.SearchService.SourceResult;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceProvider;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.FanOut;
import org.insyn.web.internal.PrivateHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** All chosen sources at once, each with its own timeout, cancellation and progress; hits once per canonical URL. */
class FanOutTest {
    private static FixtureServer web;

    @BeforeAll
    static void start() throws Exception {
        web = FixtureServer.start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private record Run(Map<String, SourceResult> results, List<HitDraft> stored, List<String> events, long millis) {
        String failure(String id) {
            return results.get(id).failure().map(e -> e.key()).orElse("ok");
        }
    }

    private static Run run(List<SourceProvider> sources, String query, java.util.function.BooleanSupplier cancel) {
        List<HitDraft> stored = Collections.synchronizedList(new ArrayList<>());
        List<String> events = new CopyOnWriteArrayList<>();
        List<NetworkRequest> log = Fixtures.log();
        Instant start = Instant.now();
        Map<String, SourceResult> results = new FanOut().run(sources, query, new FanOut.Run(Fixtures.USER, Optional.of(1L), log::add),
                new Listener() {
                    @Override
                    public void started(String id) {
                        events.add("started " + id);
                    }

                    @Override
                    public void page(String id, int pages, int hits) {
                        events.add("page " + id + " " + pages + " " + hits);
                    }

                    @Override
                    public void finished(SourceResult r) {
                        events.add("finished " + r.sourceId());
                    }

                    @Override
                    public boolean cancelled() {
                        return cancel.getAsBoolean();
                    }
                }, stored::addAll);
        return new Run(results, stored, events, Duration.between(start, Instant.now()).toMillis());
    }

    @Test
    void eachBadSourceFailsWithItsOwnReasonWhileTheOthersDeliver() {
        PrivateHttp http = Fixtures.http();
        List<SourceProvider> sources = List.of(Fixtures.demo("sokfinn", web, http), Fixtures.demo("bloggsok", web, http),
                Fixtures.demo("filmtuben", web, http), Fixtures.demo("snackis", web, http),
                Fixtures.resultPages("broken", "/bad/broken?q={query}", 10, web, http),
                Fixtures.resultPages("latin1", "/bad/latin1?q={query}", 10, web, http),
                Fixtures.resultPages("charset", "/bad/charset?q={query}", 10, web, http),
                Fixtures.resultPages("loop", "/bad/loop?q={query}", 10, web, http),
                Fixtures.resultPages("huge", "/bad/huge?q={query}", 10, web, http),
                Fixtures.resultPages("drip", "/bad/drip?q={query}", 3, web, http),
                Fixtures.resultPages("error500", "/bad/500?q={query}", 10, web, http),
                Fixtures.resultPages("png", "/bad/png?q={query}", 10, web, http),
                Fixtures.resultPages("consent", "/bad/consent?q={query}", 10, web, http),
                new org.insyn.web.internal.ConfiguredSource(Fixtures.config("""
                        { "id": "badjson", "name": "Bad JSON", "type": "json", "url": "{setting:demo.web}/bad/json?q={query}",
                          "items": "/items", "fields": { "url": "/link" } }
                        """), http, Fixtures.settings(web)));

        Run run = run(sources, "\"Berit Beritsson\"", () -> false);

        assertEquals("ok", run.failure("demo-sokfinn"));
        assertEquals(4, run.results().get("demo-sokfinn").hits());
        assertEquals("ok", run.failure("demo-bloggsok"));
        assertEquals("ok", run.failure("demo-filmtuben"));
        assertEquals("ok", run.failure("demo-snackis"));
        assertEquals("ok", run.failure("broken"), "jsoup repairs careless markup");
        assertEquals(4, run.results().get("broken").hits());
        assertEquals("source.redirects", run.failure("loop"));
        assertEquals("source.tooLarge", run.failure("huge"));
        assertEquals("source.timeout", run.failure("drip"));
        assertEquals("source.status", run.failure("error500"));
        assertEquals("source.contentType", run.failure("png"));
        assertEquals("source.notResultPage", run.failure("consent"));
        assertEquals("source.parse", run.failure("badjson"));
        assertTrue(run.millis() < 8000, "the drip ends at its 3 s timeout, the rest sooner: " + run.millis() + " ms");
        String reason = run.results().get("png").failure().orElseThrow().message(Messages.SWEDISH);
        assertEquals("Källan svarade med image/png, inte en träffsida.", reason);
        // the pages of all sources are stored once each: sökfinn, broken, latin1 and charset find the same pages
        Set<String> urls = run.stored().stream().map(HitDraft::url).collect(Collectors.toSet());
        assertEquals(run.stored().size(), urls.size());
        assertTrue(urls.contains(web.base("video") + "/video/watch?v=vX1berit"));
    }

    @Test
    void wrongCharsetsStillGiveSwedishLetters() {
        PrivateHttp http = Fixtures.http();
        Run run = run(List.of(Fixtures.resultPages("latin1", "/bad/latin1?q={query}", 10, web, http),
                Fixtures.resultPages("charset", "/bad/charset?q={query}", 10, web, http)), "\"Åsa Öberg\"", () -> false);

        assertEquals("ok", run.failure("latin1"));
        assertEquals("ok", run.failure("charset"));
        assertEquals(1, run.stored().size(), "the same page from both, stored once");
        assertEquals("Åsa Öberg ny ordförande i kören", run.stored().get(0).title());
        assertEquals(2, run.results().values().stream().mapToInt(SourceResult::hits).sum());
    }

    @Test
    void hitsAreDeduplicatedByCanonicalUrl() {
        PrivateHttp http = Fixtures.http();
        Run run = run(List.of(Fixtures.demo("sokfinn", web, http), Fixtures.demo("webbsok", web, http),
                Fixtures.demo("snackis", web, http)), "\"Berit Beritsson\"", () -> false);

        assertEquals(4, run.results().get("demo-sokfinn").hits());
        assertEquals(4, run.results().get("demo-webbsok").hits());
        assertEquals(1, run.results().get("demo-snackis").hits());
        // snackis links the same forum post with a #fragment: still one hit
        assertEquals(4, run.stored().size(), run.stored().toString());
    }

    @Test
    void sourcesRunInParallelEachWithinItsOwnTimeout() {
        PrivateHttp http = Fixtures.http();
        List<SourceProvider> slow = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            slow.add(Fixtures.resultPages("slow" + i, "/sok?q={query}&delay=1000", 10, web, http));
        }
        slow.add(Fixtures.resultPages("tooslow", "/sok?q={query}&delay=6000", 1, web, http));

        Run run = run(slow, "Rinkeby", () -> false);

        assertEquals("ok", run.failure("slow1"));
        assertEquals("ok", run.failure("slow3"));
        assertEquals("source.timeout", run.failure("tooslow"));
        assertTrue(run.millis() < 2500, "three 1 s sources and one cut at 1 s took " + run.millis() + " ms");
        assertTrue(run.events().contains("started slow2") && run.events().contains("page slow2 1 3"), run.events().toString());
    }

    @Test
    void cancellingStopsEverySourceStillRunning() {
        PrivateHttp http = Fixtures.http();
        Instant cancelAt = Instant.now().plusMillis(500);
        Run run = run(List.of(Fixtures.resultPages("drip", "/bad/drip?q={query}", 20, web, http),
                Fixtures.demo("bloggsok", web, http)), "självskada", () -> Instant.now().isAfter(cancelAt));

        assertEquals("source.cancelled", run.failure("drip"));
        assertTrue(run.millis() < 2000, "cancelled after " + run.millis() + " ms");
        assertEquals("ok", run.failure("demo-bloggsok"), "a source done before the cancel keeps its hits");
        assertEquals(1, run.stored().size());
        assertTrue(run.results().get("drip").failure().orElseThrow().message(Locale.ENGLISH).contains("cancelled"));
    }

    @Test
    void hitsThatCannotBeStoredFailTheSearchNotTheSource() {
        PrivateHttp http = Fixtures.http();
        IllegalStateException storage = new IllegalStateException("the store refused the hits");

        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new FanOut().run(List.of(Fixtures.demo("bloggsok", web, http)), "självskada",
                        new FanOut.Run(Fixtures.USER, Optional.empty(), r -> {
                        }), new Listener() {
                        }, drafts -> {
                            throw storage;
                        }));
        assertEquals(storage, e);
    }
}
