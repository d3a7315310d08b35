package org.insyn.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.SourceKind;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceException;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.ConfiguredSource;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.SourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of configured source reads the fixture's answers, shaped like the real services', into hits. */
class ProvidersTest {
    private static FixtureServer web;
    private static PrivateHttp http;

    @BeforeAll
    static void start() throws Exception {
        web = FixtureServer.start();
        http = Fixtures.http();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static List<HitDraft> search(String demo, String query) throws SourceException {
        return Fixtures.demo(demo, web, http).search(query, Fixtures.context(Fixtures.log(), Duration.ofSeconds(10)));
    }

    private static Set<String> urls(List<HitDraft> hits) {
        return hits.stream().map(HitDraft::url).collect(Collectors.toSet());
    }

    @Test
    void htmlResultPagesAreReadAcrossNextPageLinks() throws Exception {
        List<int[]> progress = new ArrayList<>();
        ConfiguredSource source = Fixtures.demo("sokfinn", web, http);
        List<HitDraft> hits = source.search("\"Berit Beritsson\"", new SourceContext(Fixtures.USER, Optional.empty(),
                Instant.now().plusSeconds(10), Fixtures.log()::add, () -> false, (pages, n) -> progress.add(new int[] { pages, n })));

        assertEquals(Set.of(web.base("web") + "/webb/berit-loppis", web.base("web") + "/socialt/berit.beritsson",
                web.base("blog") + "/blogg/kanarieoarna", web.base("forum") + "/forum/viewtopic.php?t=1201"), urls(hits));
        assertEquals(2, progress.size(), "three hits a page: two pages");
        assertEquals(4, progress.get(1)[1]);
        HitDraft loppis = hits.stream().filter(h -> h.url().endsWith("berit-loppis")).findFirst().orElseThrow();
        assertEquals("Loppis i Rinkeby med Berit Beritsson", loppis.title());
        assertTrue(loppis.snippet().startsWith("Berit Beritsson från Stockholm säljer"), loppis.snippet());
        assertEquals(Optional.of(Instant.parse("2026-10-03T09:00:00Z")), loppis.published());
        assertEquals(Optional.of("Rinkeby Lokalnytt"), loppis.author());
        assertEquals("demo-sokfinn", loppis.source());
    }

    @Test
    void aWebSearchApiAnswerIsReadByItsFieldMapping() throws Exception {
        List<HitDraft> hits = search("webbsok", "\"Berit Beritsson\" \"Stockholm\"");

        assertEquals(Set.of(web.base("web") + "/webb/berit-loppis", web.base("web") + "/socialt/berit.beritsson",
                web.base("blog") + "/blogg/kanarieoarna", web.base("forum") + "/forum/viewtopic.php?t=1201"), urls(hits));
        assertTrue(hits.stream().allMatch(h -> h.published().isPresent()), "dates from pagemap metatags");
    }

    @Test
    void socialPagesAreTheWebSearchLimitedToTheSite() throws Exception {
        List<HitDraft> hits = search("vanbok", "\"Berit Beritsson\"");

        assertEquals(Set.of(web.base("web") + "/socialt/berit.beritsson"), urls(hits));
    }

    @Test
    void aBlogSearchApiXmlAnswerIsRead() throws Exception {
        List<HitDraft> hits = search("bloggsok", "\"Berit Beritsson\"");

        assertEquals(1, hits.size());
        HitDraft h = hits.get(0);
        assertEquals(web.base("blog") + "/blogg/kanarieoarna", h.url());
        assertEquals("Äntligen på Kanarieöarna!", h.title());
        assertEquals(Optional.of("Berits vardag"), h.author());
        assertEquals(Optional.of(Instant.parse("2026-09-14T07:12:00Z")), h.published());
    }

    @Test
    void aVideoApiAnswerGivesWatchAddresses() throws Exception {
        List<HitDraft> hits = search("filmtuben", "\"Berit Beritsson\"");

        assertEquals(1, hits.size());
        assertEquals(web.base("video") + "/video/watch?v=vX1berit", hits.get(0).url());
        assertEquals(Optional.of("Berits odlingar"), hits.get(0).author());
    }

    @Test
    void R8_phpBbForumPostsAreFoundByTopicAndPlace() throws Exception {
        List<HitDraft> hits = search("snackis", "självskada \"Rinkeby\"");

        assertEquals(Set.of(web.base("forum") + "/forum/viewtopic.php?t=1305#p1305", web.base("forum") + "/forum/viewtopic.php?t=1306#p1306"),
                urls(hits));
        HitDraft first = hits.stream().filter(h -> h.url().contains("1305")).findFirst().orElseThrow();
        assertEquals(Optional.of("tyst_flicka"), first.author());
        assertEquals(Optional.of(Instant.parse("2026-11-15T23:41:00Z")), first.published(), "phpBB's own date format, Swedish time");
    }

    @Test
    void R8_discourseSearchJoinsPostsWithTheirTopics() throws Exception {
        List<HitDraft> hits = search("torget", "självskada \"Rinkeby\"");

        assertEquals(2, hits.size());
        HitDraft h = hits.stream().filter(x -> x.url().contains("/1306/")).findFirst().orElseThrow();
        assertEquals(web.base("forum") + "/discourse/t/nagon-mer-som-kampar-med-sjalvskada/1306/1", h.url());
        assertEquals("Någon mer som kämpar med självskada?", h.title());
        assertEquals(Optional.of("anonym22"), h.author());
    }

    @Test
    void rssAndAtomFeedsAreRead() throws Exception {
        List<HitDraft> rss = search("bloggflode", "självskada");
        ConfiguredSource atom = new ConfiguredSource(Fixtures.config("""
                { "id": "atom", "name": "Atom", "type": "feed", "url": "{setting:demo.blog}/blogg/atom?q={query}" }
                """), http, Fixtures.settings(web));
        List<HitDraft> fromAtom = atom.search("självskada", Fixtures.context(Fixtures.log(), Duration.ofSeconds(10)));

        for (List<HitDraft> hits : List.of(rss, fromAtom)) {
            assertEquals(1, hits.size());
            HitDraft h = hits.get(0);
            assertEquals(web.base("blog") + "/blogg/ingen-ser-mig", h.url());
            assertEquals("Jag är sexton och bor i Kista. Tankar om självskada, skolan och ensamhet.", h.snippet());
            assertEquals(Optional.of("nattfjäril"), h.author());
            assertEquals(Optional.of(Instant.parse("2026-11-10T22:15:00Z")), h.published());
        }
    }

    @Test
    void anRssFeedWithNothingMatchingIsAnEmptyAnswerNotAnError() throws Exception {
        assertEquals(List.of(), search("bloggflode", "xqzzy wibble"));
    }

    @Test
    void builtInsCoverEverySourceKindAndPointAtTheRealServices() {
        List<SourceConfig> builtIns = List.of("brave", "searxng", "google", "facebook", "duckduckgo", "twingly", "youtube", "flashback",
                "dayviews", "google-news", "discourse", "phpbb").stream().map(Fixtures::builtIn).toList();

        assertEquals(EnumSet.allOf(SourceKind.class), builtIns.stream().map(SourceConfig::kind).collect(Collectors.toSet()));
        assertTrue(builtIns.stream().allMatch(c -> c.url().startsWith("https://") || c.url().startsWith("{setting:")
                || c.type().equals("site") && c.url().isEmpty()), "real services, or a site search through them");
        assertTrue(builtIns.stream().noneMatch(c -> c.url().matches(".*key=[A-Za-z0-9]{10,}.*")), "no API key in a configuration");
    }

    @Test
    void aSourceWithoutItsApiKeySaysWhichSettingIsMissingAndSendsNothing() {
        ConfiguredSource brave = new ConfiguredSource(Fixtures.builtIn("brave"), http, key -> Optional.empty());
        List<NetworkRequest> log = Fixtures.log();

        assertEquals("source.missingSetting", brave.unavailable().orElseThrow().key());
        SourceException e = assertThrows(SourceException.class, () -> brave.search("\"Berit Beritsson\"", Fixtures.context(log,
                Duration.ofSeconds(5))));
        assertTrue(e.message(java.util.Locale.ENGLISH).contains("brave.apiKey"), e.getMessage());
        assertTrue(log.isEmpty(), "no request without the key");
    }

    @Test
    void aUsersSourceFileIsLoadedAndABrokenOneSkipped(@TempDir Path workspace) throws Exception {
        Files.writeString(workspace.resolve("lokal-forum.json"), """
                { "id": "lokal-forum", "name": "Lokalt forum", "type": "forum", "style": "phpbb",
                  "url": "{setting:demo.forum}/forum/search.php?keywords={query}" }
                """);
        Files.writeString(workspace.resolve("trasig.json"), "{ \"id\": \"trasig\", ");

        List<SourceConfig> configs = org.insyn.web.internal.SourceRegistry.userConfigs(workspace);

        assertEquals(List.of("lokal-forum"), configs.stream().map(SourceConfig::id).toList());
        List<HitDraft> hits = new ConfiguredSource(configs.get(0), http, Fixtures.settings(web)).search("självskada",
                Fixtures.context(Fixtures.log(), Duration.ofSeconds(10)));
        assertEquals(2, hits.size(), "two forum posts speak of självskada");
    }
}
