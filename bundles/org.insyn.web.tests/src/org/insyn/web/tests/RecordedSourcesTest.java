package org.insyn.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceCheck;
import org.insyn.core.service.SourceException;
import org.insyn.core.service.SourceProvider;
import org.insyn.web.internal.ConfiguredSource;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.Settings;
import org.insyn.web.internal.SourceConfig;
import org.insyn.web.internal.SourceRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

/**
 * Every shipped source definition (the bundle's {@code sources/*.json}, not a demo copy) reads an answer recorded in
 * its service's documented shape (see {@code recorded/README.md}), served on loopback: title, address (redirects
 * decoded), snippet, date and author where the service gives them, paging, and error answers said in words that
 * name the setting to fix.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class RecordedSourcesTest {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=UTF-8";
    private static final String XML = "text/xml; charset=utf-8";
    private static final Set<String> COVERED = Collections.synchronizedSet(new HashSet<>());
    private static Recorded service;
    private static PrivateHttp http;

    @BeforeAll
    static void start() throws Exception {
        service = Recorded.start();
        http = Fixtures.http();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void clear() {
        service.reset();
    }

    /** The shipped definition, asking the loopback service in place of the real one, with these settings. */
    private static ConfiguredSource shipped(String id, Map<String, String> settings) {
        COVERED.add(id);
        SourceConfig c = Fixtures.builtIn(id);
        return new ConfiguredSource(c.at(service.rebase(c.url())), http, settings(settings));
    }

    /**
     * Google's shipped definition with its closing day moved on, so that reading Google's answers stays tested after
     * 2027-01-01 (that the shipped definition ends then is asserted on its own).
     */
    private static ConfiguredSource google(Map<String, String> settings) {
        COVERED.add("google");
        SourceConfig c = Fixtures.builtIn("google");
        return new ConfiguredSource(c.at(service.rebase(c.url())).withUntil(LocalDate.now().plusYears(1)), http, settings(settings));
    }

    private static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key)).map(v -> v.replace("{loopback}", service.base()));
    }

    private static List<HitDraft> search(SourceProvider source, String query) throws SourceException {
        return source.search(query, Fixtures.context(Fixtures.log(), Duration.ofSeconds(10)));
    }

    private static HitDraft hit(List<HitDraft> hits, String url) {
        return hits.stream().filter(h -> h.url().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(url + " not among " + hits.stream().map(HitDraft::url).toList()));
    }

    private static String failure(SourceProvider source, Locale locale) {
        SourceException e = assertThrows(SourceException.class, () -> search(source, "\"Berit Beritsson\""));
        return e.message(locale);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void braveSearchReadsTwoPagesWithItsTokenHeader() throws Exception {
        service.on("offset=0", 200, JSON, "brave/page1.json").on("offset=1", 200, JSON, "brave/page2.json");
        ConfiguredSource brave = shipped("brave", Map.of("brave.apiKey", "BSAtestkey"));

        List<HitDraft> hits = search(brave, "\"Berit Beritsson\" Stockholm");

        assertEquals(3, hits.size());
        assertEquals(2, service.requests.size(), "two pages: offset 0 and 1");
        Recorded.Request first = service.requests.get(0);
        assertTrue(first.target().startsWith("/res/v1/web/search?q=\"Berit Beritsson\" Stockholm&count=20&offset=0"), first.target());
        assertEquals("BSAtestkey", first.headers().getFirst("X-Subscription-Token"));
        assertFalse(first.target().contains("BSAtestkey"), "the token travels in a header, not in the logged address");
        HitDraft loppis = hit(hits, "https://rinkebylokalnytt.example.se/2026/10/loppis-berit");
        assertEquals("Loppis i Rinkeby med Berit Beritsson", loppis.title(), "Brave's <strong> marks are dropped");
        assertEquals("Berit Beritsson från Stockholm säljer kläder och porslin på lördagens loppis & kaffe.", loppis.snippet());
        assertEquals(Optional.of(at("2026-10-03T07:00:00Z")), loppis.published(), "page_age, read as Swedish time");
        assertEquals(Optional.empty(), hit(hits, "https://www.facebook.com/berit.beritsson.example").published());
        assertEquals("brave", loppis.source());
    }

    @Test
    void braveSearchWithoutResultsIsAnEmptyAnswerNotAnError() throws Exception {
        service.on("search", 200, JSON, "brave/empty.json");

        assertEquals(List.of(), search(shipped("brave", Map.of("brave.apiKey", "k")), "xqzzy wibble"));
    }

    @Test
    void braveErrorsSayWhetherTheKeyOrTheQuotaIsTheProblem() {
        service.on("search", 422, JSON, "brave/token-invalid.json");
        String refused = failure(shipped("brave", Map.of("brave.apiKey", "wrong")), Locale.ENGLISH);
        assertTrue(refused.contains("refused the key") && refused.contains("brave.apiKey"), refused);
        String sv = failure(shipped("brave", Map.of("brave.apiKey", "wrong")), Locale.forLanguageTag("sv"));
        assertTrue(sv.contains("godtog inte nyckeln") && sv.contains("brave.apiKey"), sv);

        service.reset().on("search", 429, JSON, "brave/rate-limited.json");
        String quota = failure(shipped("brave", Map.of("brave.apiKey", "k")), Locale.ENGLISH);
        assertTrue(quota.contains("quota") && quota.contains("brave.apiKey"), quota);
    }

    @Test
    void searxngReadsItsJsonApiPageByPage() throws Exception {
        service.on("pageno=1", 200, JSON, "searxng/page1.json").on("pageno=2", 200, JSON, "searxng/page2.json");
        ConfiguredSource searx = shipped("searxng", Map.of("searxng.url", "{loopback}/searx"));

        List<HitDraft> hits = search(searx, "självskada \"Rinkeby\"");

        assertEquals(List.of("/searx/search?q=självskada \"Rinkeby\"&format=json&pageno=1&language=sv-SE",
                "/searx/search?q=självskada \"Rinkeby\"&format=json&pageno=2&language=sv-SE"), service.targets());
        assertEquals(3, hits.size());
        HitDraft thread = hit(hits, "https://www.flashback.org/t3456789");
        assertEquals("Självskada – någon mer i Rinkeby? - Flashback Forum", thread.title());
        assertTrue(thread.snippet().endsWith("& vet inte vem jag ska prata med."), thread.snippet());
        assertEquals(Optional.of(at("2026-11-15T22:41:00Z")), thread.published());
        assertEquals(Optional.empty(), hit(hits, "https://www.umo.se/kroppen/sjalvskada/").published(), "publishedDate null");
    }

    @Test
    void searxngWithoutItsJsonFormatSaysWhichSettingToCheck() {
        service.on("search", 403, HTML, "searxng/forbidden.html");

        String message = failure(shipped("searxng", Map.of("searxng.url", "{loopback}")), Locale.ENGLISH);

        assertTrue(message.contains("403") && message.contains("searxng.url"), message);
    }

    @Test
    void googleProgrammableSearchReadsPagesAndEndsOnItsClosingDay() throws Exception {
        service.on("start=1&", 200, JSON, "google/page1.json").on("start=11&", 200, JSON, "google/page2.json");
        ConfiguredSource google = google(Map.of("google.apiKey", "AIzaTest", "google.cx", "0123456789abcdef0"));

        List<HitDraft> hits = search(google, "\"Berit Beritsson\"");

        assertEquals(3, hits.size());
        assertTrue(service.targets().get(0).startsWith("/customsearch/v1?key=AIzaTest&cx=0123456789abcdef0&gl=se&q=\"Berit Beritsson\""));
        HitDraft loppis = hit(hits, "https://rinkebylokalnytt.example.se/2026/10/loppis-berit");
        assertTrue(loppis.snippet().startsWith("3 okt. 2026 ... Berit Beritsson från Stockholm"), loppis.snippet());
        assertEquals(Optional.of(at("2026-10-03T09:00:00Z")), loppis.published(), "article:published_time");
        assertEquals(Optional.of(LocalDate.of(2027, 1, 1)), Fixtures.builtIn("google").until(), "closed to new customers");

        ConfiguredSource closed = new ConfiguredSource(Fixtures.builtIn("google").at("https://www.googleapis.com/customsearch/v1?q={query}")
                .withUntil(LocalDate.now().minusDays(1)), http, key -> Optional.of("x"));
        assertTrue(closed.unavailable().orElseThrow().message(Locale.ENGLISH).contains("closed on"));
    }

    @Test
    void googleErrorsNameTheKeySetting() {
        Map<String, String> keys = Map.of("google.apiKey", "AIzaWrong", "google.cx", "cx");
        service.on("customsearch", 400, JSON, "google/key-invalid.json");
        String refused = failure(google(keys), Locale.ENGLISH);
        assertTrue(refused.contains("refused the key") && refused.contains("google.apiKey"), refused);

        service.reset().on("customsearch", 429, JSON, "google/quota.json");
        String quota = failure(google(keys), Locale.ENGLISH);
        assertTrue(quota.contains("quota") && quota.contains("google.apiKey"), quota);
    }

    @Test
    void youtubePagesByItsNextPageToken() throws Exception {
        service.on("pageToken=CBkQAA", 200, JSON, "youtube/page2.json").on("youtube/v3/search", 200, JSON, "youtube/page1.json");
        ConfiguredSource youtube = shipped("youtube", Map.of("youtube.apiKey", "AIzaYt"));

        List<HitDraft> hits = search(youtube, "\"Berit Beritsson\"");

        assertEquals(2, service.requests.size());
        assertTrue(service.targets().get(1).endsWith("&key=AIzaYt&pageToken=CBkQAA"), service.targets().get(1));
        HitDraft video = hit(hits, "https://www.youtube.com/watch?v=vX1berit00A");
        assertEquals("Berits odlingar – tomater på balkongen", video.title());
        assertEquals("Berit Beritsson visar hur tomaterna klarar sig på balkongen i Rinkeby & ger tips.", video.snippet());
        assertEquals(Optional.of("Berits odlingar"), video.author());
        assertEquals(Optional.of(at("2026-08-21T16:30:05Z")), video.published());
        hit(hits, "https://www.youtube.com/watch?v=vX2berit00B");
    }

    @Test
    void youtubeQuotaAndKeyErrorsAreToldApart() {
        service.on("search", 403, JSON, "youtube/quota.json");
        String quota = failure(shipped("youtube", Map.of("youtube.apiKey", "k")), Locale.ENGLISH);
        assertTrue(quota.contains("quota") && quota.contains("youtube.apiKey"), quota);

        service.reset().on("search", 400, JSON, "youtube/key-invalid.json");
        String refused = failure(shipped("youtube", Map.of("youtube.apiKey", "k")), Locale.ENGLISH);
        assertTrue(refused.contains("refused the key") && refused.contains("youtube.apiKey"), refused);
    }

    @Test
    void twinglyBlogPostsAndItsErrorElement() throws Exception {
        service.on("search", 200, XML, "twingly/search.xml");
        ConfiguredSource twingly = shipped("twingly", Map.of("twingly.apiKey", "E67EFC65"));

        List<HitDraft> hits = search(twingly, "\"Berit Beritsson\"");

        assertEquals("/blog/search/api/v3/search?apikey=E67EFC65&q=\"Berit Beritsson\" lang:sv", service.targets().get(0));
        HitDraft post = hit(hits, "https://beritsvardag.example.se/2026/09/kanarieoarna/");
        assertEquals("Äntligen på Kanarieöarna!", post.title());
        assertEquals("Nu sitter jag här i solen & skriver, Berit Beritsson från Stockholm.", post.snippet());
        assertEquals(Optional.of("Berits vardag"), post.author());
        assertEquals(Optional.of(at("2026-09-14T07:12:00Z")), post.published());

        service.reset().on("search", 200, XML, "twingly/empty.xml");
        assertEquals(List.of(), search(twingly, "xqzzy"));
        service.reset().on("search", 401, XML, "twingly/unauthorized.xml");
        String refused = failure(twingly, Locale.ENGLISH);
        assertTrue(refused.contains("refused the key") && refused.contains("twingly.apiKey"), refused);
    }

    @Test
    void duckDuckGoRedirectLinksAreDecodedAndAdsSkipped() throws Exception {
        service.on("/html/", 200, HTML, "duckduckgo/results.html");
        ConfiguredSource ddg = shipped("duckduckgo", Map.of());

        List<HitDraft> hits = search(ddg, "\"Berit Beritsson\"");

        assertEquals(List.of("https://rinkebylokalnytt.example.se/2026/10/loppis-berit?utm_source=fb",
                "https://www.facebook.com/berit.beritsson.example"), hits.stream().map(HitDraft::url).toList(),
                "the addresses behind //duckduckgo.com/l/?uddg=…, no ad");
        assertEquals("Loppis i Rinkeby med Berit Beritsson", hits.get(0).title());
        assertEquals("Berit Beritsson från Stockholm säljer kläder och porslin på lördagens loppis.", hits.get(0).snippet());

        service.reset().on("/html/", 200, HTML, "duckduckgo/no-results.html");
        assertEquals(List.of(), search(ddg, "xqzzy wibble"));
    }

    @Test
    void googleNewsFeedGivesTheNewspaperAsAuthorAndAnEmptyChannelIsNoError() throws Exception {
        service.on("rss/search", 200, "application/xml; charset=utf-8", "google-news/search.xml");
        ConfiguredSource news = shipped("google-news", Map.of());

        List<HitDraft> hits = search(news, "\"Rinkeby\" fritidsgård");

        HitDraft h = hits.get(0);
        assertEquals("Ny fritidsgård öppnar i Rinkeby - Mitt i", h.title());
        assertTrue(h.url().startsWith("https://news.google.com/rss/articles/CBMi"), h.url());
        assertEquals(Optional.of("Mitt i"), h.author());
        assertEquals(Optional.of(at("2026-12-03T08:15:00Z")), h.published());
        assertTrue(h.snippet().startsWith("Ny fritidsgård öppnar i Rinkeby"), h.snippet());

        service.reset().on("rss/search", 200, "application/xml; charset=utf-8", "google-news/empty.xml");
        assertEquals(List.of(), search(news, "xqzzy wibble"));
    }

    @Test
    void R8_phpBbEnglishBoardIsReadAcrossPagesWithItsLowerCaseTimes() throws Exception {
        service.on("start=2", 200, HTML, "phpbb/search-en-page2.html").on("search.php", 200, HTML, "phpbb/search-en-page1.html");
        ConfiguredSource phpbb = shipped("phpbb", Map.of("phpbb.url", "{loopback}/forum"));

        List<HitDraft> hits = search(phpbb, "self harm Rinkeby");

        assertEquals(2, service.requests.size(), "the second page through rel=next");
        assertEquals(3, hits.size());
        HitDraft first = hit(hits, service.base() + "/forum/viewtopic.php?p=1305&sid=3c0b1d2e4f#p1305");
        assertEquals("Anyone else in Rinkeby?", first.title());
        assertEquals(Optional.of("quiet_girl"), first.author());
        assertEquals(Optional.of(at("2026-11-15T22:41:00Z")), first.published(), "11:41 pm, Swedish winter time");
        HitDraft moderator = hit(hits, service.base() + "/forum/viewtopic.php?p=1311&sid=3c0b1d2e4f#p1311");
        assertEquals(Optional.of("Moderator Mia"), moderator.author(), "a coloured group member's name");
        assertEquals(Optional.of(at("2026-11-16T08:05:00Z")), moderator.published());
        HitDraft guest = hit(hits, service.base() + "/forum/viewtopic.php?p=1320&sid=3c0b1d2e4f#p1320");
        assertEquals(Optional.of("Guest"), guest.author());
        assertEquals(Optional.of(at("2026-11-30T23:30:00Z")), guest.published(), "12:30 am is just after midnight");
        assertTrue(guest.snippet().startsWith("Does anyone in Rinkeby"), guest.snippet());
    }

    @Test
    void R8_phpBbSwedishBoardDatesAndItsEmptyAnswer() throws Exception {
        service.on("search.php", 200, HTML, "phpbb/search-sv.html");
        ConfiguredSource phpbb = shipped("phpbb", Map.of("phpbb.url", "{loopback}/forum"));

        List<HitDraft> hits = search(phpbb, "självskada Rinkeby");

        assertEquals(1, service.requests.size(), "no next link: one page");
        HitDraft first = hit(hits, service.base() + "/forum/viewtopic.php?p=1405&sid=3c0b1d2e4f#p1405");
        assertEquals("Någon mer i Rinkeby?", first.title());
        assertEquals(Optional.of("tyst_flicka"), first.author());
        assertEquals(Optional.of(at("2026-11-15T22:41:00Z")), first.published(), "Sön Nov 15, 2026 11:41 pm");
        assertEquals(Optional.of(at("2026-05-03T18:15:00Z")), hit(hits, service.base() + "/forum/viewtopic.php?p=1406&sid=3c0b1d2e4f#p1406")
                .published(), "Sön Maj 03, 2026 8:15 pm, Swedish summer time");

        service.reset().on("search.php", 200, HTML, "phpbb/search-sv-empty.html");
        assertEquals(List.of(), search(phpbb, "xqzzy"));
    }

    @Test
    void R8_discourseSwedishAndEnglishForumsAndPaging() throws Exception {
        service.on("page=2", 200, JSON, "discourse/search-sv-page2.json").on("page=1", 200, JSON, "discourse/search-sv-page1.json");
        ConfiguredSource discourse = shipped("discourse", Map.of("discourse.url", "{loopback}/torget"));

        List<HitDraft> hits = search(discourse, "självskada Rinkeby");

        assertEquals(2, service.requests.size(), "page 2 is asked and is empty");
        assertEquals(2, hits.size());
        HitDraft reply = hit(hits, service.base() + "/torget/t/nagon-mer-som-kampar-med-sjalvskada/1306/2");
        assertEquals("Någon mer som kämpar med självskada?", reply.title());
        assertEquals(Optional.of("mia"), reply.author());
        assertEquals(Optional.of(at("2026-11-13T07:45:00Z")), reply.published());
        assertTrue(hit(hits, service.base() + "/torget/t/nagon-mer-som-kampar-med-sjalvskada/1306/1").snippet().endsWith("prata med …"));

        service.reset().on("search.json", 200, JSON, "discourse/search-en.json");
        List<HitDraft> english = search(shipped("discourse", Map.of("discourse.url", "{loopback}")), "youth Rinkeby");
        HitDraft post = hit(english, service.base() + "/t/youth-groups-in-rinkeby/77/3");
        assertEquals("Youth groups in Rinkeby", post.title());
        assertEquals(Optional.of("sam_k"), post.author());

        service.reset().on("search.json", 429, JSON, "discourse/rate-limited.json");
        String busy = failure(shipped("discourse", Map.of("discourse.url", "{loopback}")), Locale.ENGLISH);
        assertTrue(busy.contains("asks to wait"), busy);
    }

    @Test
    void R6_siteSearchesAskTheFirstWebSearchThatIsSetUp() throws Exception {
        Map<String, SourceConfig> shipped = new java.util.LinkedHashMap<>();
        for (String id : List.of("brave", "searxng", "google", "facebook", "flashback", "dayviews")) {
            SourceConfig c = Fixtures.builtIn(id);
            shipped.put(id, c.type().equals("site") ? c : c.at(service.rebase(c.url())));
            COVERED.add(id);
        }
        service.on("/res/v1/web/search", 200, JSON, "brave/page2.json").on("/search\\?", 200, JSON, "searxng/page2.json");

        SourceProvider viaBrave = providers(shipped, Map.of("brave.apiKey", "k", "searxng.url", "{loopback}")).get("facebook");
        List<HitDraft> hits = search(viaBrave, "\"Berit Beritsson\"");
        assertTrue(service.targets().get(0).startsWith("/res/v1/web/search?q=\"Berit Beritsson\" site:facebook.com&"),
                service.targets().get(0));
        assertEquals("facebook", hits.get(0).source(), "the hit is the site search's");

        service.requests.clear();
        SourceProvider viaSearx = providers(shipped, Map.of("searxng.url", "{loopback}")).get("flashback");
        search(viaSearx, "självskada");
        assertTrue(service.targets().get(0).startsWith("/search?q=självskada site:flashback.org&format=json"), service.targets().get(0));

        SourceProvider none = providers(shipped, Map.of()).get("dayviews");
        String message = none.unavailable().orElseThrow().message(Locale.ENGLISH);
        assertTrue(message.contains("brave, searxng, google") && message.contains("brave.apiKey") && message.contains("searxng.url"), message);
        assertThrows(SourceException.class, () -> search(none, "x"));
    }

    @Test
    void R15_aCheckAsksEachSourceOnceAndSaysWhatIsWrong() {
        List<org.insyn.core.model.NetworkRequest> log = Fixtures.log();
        service.on("offset=0", 200, JSON, "brave/page1.json");
        SourceCheck.Result works = SourceCheck.check(shipped("brave", Map.of("brave.apiKey", "k")), Fixtures.USER, log::add);
        assertEquals(SourceCheck.Status.WORKS, works.status());
        assertEquals(Optional.empty(), works.problem(), "stopping after the first page is no problem");
        assertEquals(1, service.requests.size(), "the first page only");
        assertTrue(service.targets().get(0).contains("q=Stockholm&"), "a place, never a person: " + service.targets());
        assertTrue(log.stream().anyMatch(r -> r.url().contains("/res/v1/web/search")), "the request is in the network log");

        assertEquals(SourceCheck.Status.KEY_MISSING, SourceCheck.check(shipped("brave", Map.of()), Fixtures.USER, log::add).status());
        service.reset().on("search", 422, JSON, "brave/token-invalid.json");
        assertEquals(SourceCheck.Status.KEY_REFUSED, SourceCheck.check(shipped("brave", Map.of("brave.apiKey", "k")), Fixtures.USER, log::add)
                .status());
        service.reset().on("search", 403, JSON, "youtube/quota.json");
        assertEquals(SourceCheck.Status.QUOTA, SourceCheck.check(shipped("youtube", Map.of("youtube.apiKey", "k")), Fixtures.USER, log::add)
                .status());
        ConfiguredSource nowhere = new ConfiguredSource(Fixtures.builtIn("searxng"), http, key -> Optional.of("http://127.0.0.1:1"));
        SourceCheck.Result unreachable = SourceCheck.check(nowhere, Fixtures.USER, log::add);
        assertEquals(SourceCheck.Status.UNREACHABLE, unreachable.status(), unreachable.problem().map(Throwable::getMessage).orElse(""));
    }

    private static Map<String, SourceProvider> providers(Map<String, SourceConfig> configs, Map<String, String> values) {
        return SourceRegistry.providers(configs.values(), http, settings(values)).stream()
                .collect(Collectors.toMap(SourceProvider::id, p -> p));
    }

    @Test
    void z_everyShippedSourceIsCoveredByARecordedAnswer() {
        Set<String> shipped = new HashSet<>();
        for (URL url : Collections.list(FrameworkUtil.getBundle(SourceConfig.class).findEntries("sources", "*.json", false))) {
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            shipped.add(file.substring(0, file.length() - ".json".length()));
        }
        // all tests of this class run before this one (see the method order); a new source must bring its test
        assertEquals(shipped, new HashSet<>(COVERED));
    }
}
