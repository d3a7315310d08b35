package org.insyn.web.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.insyn.core.model.SourceKind;
import org.insyn.core.service.DemoWeb;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SearchService.SourceResult;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.SourceSettings;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.FanOut;
import org.insyn.web.internal.SearchServiceImpl;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The sources and the search service as Declarative Services in the running OSGi framework. */
class ServicesTest {
    private static final Set<String> BUILT_INS = Set.of("brave", "searxng", "google", "facebook", "duckduckgo", "twingly", "youtube",
            "flashback", "dayviews", "google-news", "discourse", "phpbb");

    private final BundleContext context = FrameworkUtil.getBundle(SearchServiceImpl.class).getBundleContext();

    private SearchService search() {
        return service(SearchService.class);
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) {
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("waited 10 s for " + what);
    }

    private static Set<String> ids(SearchService s) {
        return s.sources().stream().map(SourceProvider::id).collect(Collectors.toSet());
    }

    private Set<String> awaitSources(SearchService s, Predicate<Set<String>> ready, String what) {
        return await(() -> Optional.of(ids(s)).filter(ready), what);
    }

    @Test
    void builtInSourcesOfEveryKindAreServicesOfTheSearchService() {
        SearchService s = search();
        awaitSources(s, ids -> ids.containsAll(BUILT_INS), "the built-in sources");

        assertEquals(EnumSet.allOf(SourceKind.class), s.sources().stream().map(SourceProvider::kind).collect(Collectors.toSet()));
        SourceProvider brave = s.sources().stream().filter(p -> p.id().equals("brave")).findFirst().orElseThrow();
        assertEquals("source.missingSetting", brave.unavailable().orElseThrow().key(), "no API key in the preferences here");
        SourceProvider facebook = s.sources().stream().filter(p -> p.id().equals("facebook")).findFirst().orElseThrow();
        assertEquals("source.noBackend", facebook.unavailable().orElseThrow().key(), "no web search set up for the site search");
    }

    /** An API key saved in the sources' settings (Window › Preferences writes them there) is used at once, no restart. */
    @Test
    void aKeySetInThePreferencesMakesItsSourceAvailableAtOnce() throws Exception {
        SearchService s = search();
        awaitSources(s, ids -> ids.contains("youtube"), "the YouTube source");
        SourceProvider youtube = s.sources().stream().filter(p -> p.id().equals("youtube")).findFirst().orElseThrow();
        SourceSettings settings = service(SourceSettings.class);
        assertEquals("source.missingSetting", youtube.unavailable().orElseThrow().key());
        try {
            settings.put(Map.of("youtube.apiKey", " AIza-test-key "));
            assertEquals(Optional.of("AIza-test-key"), settings.get("youtube.apiKey"));
            assertEquals(Optional.empty(), youtube.unavailable(), "the key is read when the source is asked");
        } finally {
            settings.put(Map.of("youtube.apiKey", ""));
        }
        assertEquals(Optional.empty(), settings.get("youtube.apiKey"), "a blank value removes the setting");
        assertEquals("source.missingSetting", youtube.unavailable().orElseThrow().key());
    }

    @Test
    void demoModeOffersTheLoopbackDemoSitesInsteadOfTheInternet() throws Exception {
        SearchService s = search();
        try (FixtureServer demo = FixtureServer.start()) {
            ServiceRegistration<DemoWeb> registration = context.registerService(DemoWeb.class, demo, null);
            try {
                Set<String> ids = awaitSources(s, x -> !x.isEmpty() && x.stream().allMatch(id -> id.startsWith("demo-")), "the demo sources");
                assertEquals(Set.of("demo-sokfinn", "demo-webbsok", "demo-vanbok", "demo-bloggsok", "demo-filmtuben", "demo-snackis",
                        "demo-torget", "demo-bloggflode"), ids);

                List<SourceProvider> chosen = s.sources().stream()
                        .filter(p -> Set.of("demo-snackis", "demo-bloggsok", "demo-filmtuben").contains(p.id())).toList();
                List<HitDraft> hits = Collections.synchronizedList(new ArrayList<>());
                Map<String, SourceResult> results = new FanOut().run(chosen, "självskada", new FanOut.Run(Fixtures.USER, Optional.empty(),
                        r -> {
                        }), new SearchService.Listener() {
                        }, hits::addAll);

                assertTrue(results.values().stream().allMatch(SourceResult::ok), results.toString());
                assertTrue(hits.stream().allMatch(h -> h.url().startsWith("http://127.0.0.1:")), "loopback only");
                assertEquals(3, hits.size(), "two forum posts and a blog post: " + hits);
                assertTrue(demo.requests().stream().anyMatch(r -> r.site().equals("blog")));
            } finally {
                registration.unregister();
            }
            awaitSources(s, x -> x.containsAll(BUILT_INS), "the built-in sources back");
        }
    }
}
