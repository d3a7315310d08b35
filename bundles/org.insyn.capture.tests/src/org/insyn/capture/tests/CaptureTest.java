package org.insyn.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.insyn.capture.internal.CaptureTesting;
import org.insyn.core.service.VerifyReport.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One real capture of a fixture page with Chromium, sealed by a real RFC 3161 authority on loopback. */
class CaptureTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Fixture site;
    static LoopbackTsa tsa;
    static CaptureTesting.Sealed capture;
    static JsonNode manifest;
    static byte[] logo;

    @BeforeAll
    static void captureFixturePage() throws Exception {
        logo = png(40, 30);
        site = new Fixture();
        int port = site.port();
        site.page("/case/page", """
                <!doctype html><html><head><title>Forum – tråd om Kungsholmen</title>
                <script src="http://www.google-analytics.com:%d/analytics.js"></script></head>
                <body style="margin:0"><h1>Tråden</h1><img src="/logo.png" alt="logo">
                <img src="http://cdn.example.test:%d/logo.png">
                <img src="https://connect.facebook.net:%d/tr?id=1" width="1" height="1">
                <div style="height:2600px;background:linear-gradient(#fff,#00f)">long</div><p id="end">slut</p></body></html>
                """.formatted(port, port, port).replace("\n", ""))
                .file("/logo.png", "image/png", logo);
        site.route("/cookie", e -> {
            e.getResponseHeaders().add("Set-Cookie", "seen=1; Path=/");
            Fixture.send(e, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        });
        tsa = new LoopbackTsa();
        capture = CaptureTesting.capture(site.url("/case/page"), Optional.of(tsa.url()), o -> o);
        manifest = JSON.readTree(capture.evidence().manifest());
    }

    @AfterAll
    static void stop() {
        site.close();
        tsa.close();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xcc0000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void R7_fullPageScreenshotReachesBeyondTheViewport() throws IOException {
        BufferedImage full = image(capture.artifact("screenshot-full.png"));
        BufferedImage viewport = image(capture.artifact("screenshot-viewport.png"));
        assertEquals(800, viewport.getHeight());
        assertEquals(1280, viewport.getWidth());
        assertTrue(full.getHeight() > 2600, "full page height " + full.getHeight());
        assertEquals(manifest.path("fullPageScreenshot").path("pageHeight").asInt(), full.getHeight());
        assertFalse(manifest.path("fullPageScreenshot").path("heightCapped").asBoolean());
        // the bottom of the gradient is blue: the screenshot shows the page, not an empty canvas
        int rgb = full.getRGB(10, full.getHeight() - 60);
        assertTrue((rgb & 0xff) > 200 && ((rgb >> 16) & 0xff) < 80, Integer.toHexString(rgb));
    }

    @Test
    void R17_renderedDomMhtmlTitleAndMediaAreKeptSeparately() {
        String dom = new String(capture.artifact("page.html"), StandardCharsets.UTF_8);
        assertTrue(dom.startsWith("<!DOCTYPE html>"), dom);
        assertTrue(dom.contains("<p id=\"end\">slut</p>"), dom);
        String mhtml = new String(capture.artifact("page.mhtml"), StandardCharsets.UTF_8);
        assertTrue(mhtml.contains("multipart/related"), mhtml.substring(0, 300));
        assertTrue(mhtml.contains("Content-Location: " + site.url("/case/page")), "MHTML names the page");
        assertEquals("Forum – tråd om Kungsholmen", manifest.path("title").asText());
        assertEquals("Forum – tråd om Kungsholmen", capture.evidence().title());
        List<String> media = capture.names().stream().filter(n -> n.startsWith("media/")).toList();
        assertEquals(List.of("media/01-logo.png", "media/02-logo.png"), media.stream().sorted().toList());
        assertArrayEquals(logo, capture.artifact(media.get(0)));
    }

    @Test
    void R17_warcHoldsTheRawExchangesAfterAWarcinfoNamingTheTool() throws IOException {
        List<String> types = new ArrayList<>();
        Map<String, byte[]> responses = new HashMap<>();
        String software = null;
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(capture.artifact("capture.warc.gz")))) {
            for (WarcRecord record : reader) {
                assertEquals("WARC/1.1", record.version().toString());
                types.add(record.type());
                if (record instanceof Warcinfo info) {
                    software = info.fields().first("software").orElseThrow();
                } else if (record instanceof WarcResponse response) {
                    responses.put(response.target(), response.http().body().stream().readAllBytes());
                } else if (record instanceof WarcRequest request) {
                    assertEquals("GET", request.http().method());
                }
            }
        }
        assertEquals("warcinfo", types.get(0));
        assertEquals(capture.evidence().tool(), software);
        assertTrue(software.startsWith("Insyn "), software);
        String page = new String(responses.get(site.url("/case/page").toString()), StandardCharsets.UTF_8);
        assertTrue(page.contains("Tråden"), page);
        assertArrayEquals(logo, responses.get(site.url("/logo.png").toString()));
        assertEquals(types.stream().filter("request"::equals).count(), types.stream().filter("response"::equals).count());
    }

    @Test
    void R15_trackersAreBlockedAndListedAndNoCookiesOrReferrerAreSent() {
        assertTrue(site.seen.stream().noneMatch(s -> s.host().contains("google-analytics") || s.host().contains("facebook")),
                site.seen::toString);
        assertTrue(site.seen.stream().anyMatch(s -> s.host().startsWith("cdn.example.test")), "a third party that is no tracker loads");
        assertTrue(site.seen.stream().allMatch(s -> s.cookie() == null && s.referer() == null), site.seen::toString);
        Map<String, String> outcomes = new LinkedHashMap<>();
        manifest.path("requests").forEach(r -> outcomes.put(r.path("url").asText(), r.path("outcome").asText()));
        int port = site.port();
        assertEquals("blocked", outcomes.get("http://www.google-analytics.com:" + port + "/analytics.js"), outcomes::toString);
        assertEquals("blocked", outcomes.get("https://connect.facebook.net:" + port + "/tr?id=1"), outcomes::toString);
        assertEquals("ok", outcomes.get(site.url("/case/page").toString()));
        assertEquals("ok", outcomes.get(site.url("/logo.png").toString()));
    }

    @Test
    void R17_manifestNamesPageTimeOperatorCaseJustificationToolAndHashes() {
        assertEquals(site.url("/case/page").toString(), manifest.path("url").asText());
        assertEquals(site.url("/case/page").toString(), manifest.path("finalUrl").asText());
        assertEquals(200, manifest.path("httpStatus").asInt());
        assertEquals("anna.investigator", manifest.path("operator").asText());
        assertEquals(7, manifest.path("caseId").asLong());
        assertEquals(42, manifest.path("justificationId").asLong());
        assertTrue(manifest.path("complete").asBoolean());
        assertTrue(manifest.path("browser").asText().startsWith("Chrome/"), manifest.path("browser").asText());
        OffsetDateTime local = OffsetDateTime.parse(manifest.path("capturedAtLocal").asText());
        assertEquals(capture.evidence().capturedAt(), local.toInstant());
        assertEquals(ZoneId.of("Europe/Stockholm").getRules().getOffset(local.toInstant()), local.getOffset());
        assertTrue(manifest.path("capturedAtUtc").asText().endsWith("Z"));
        assertEquals(capture.names().size(), manifest.path("artifacts").size());
        for (JsonNode a : manifest.path("artifacts")) {
            assertEquals(capture.sha256(a.path("name").asText()), a.path("sha256").asText());
        }
    }

    @Test
    void R17_timestampSealsTheManifestAndAnUntouchedCaptureVerifiesClean(@TempDir Path dir) throws IOException {
        assertTrue(capture.evidence().timestampToken().isPresent());
        assertEquals(List.of(), capture.verify());
        Path wacz = capture.wacz(dir.resolve("capture.wacz"));
        assertEquals(List.of(), CaptureTesting.verifyWacz(wacz));
    }

    @Test
    void R17_waczHasDatapackageWithTheSha256OfEveryFileAndACdxjIndex(@TempDir Path dir) throws IOException {
        Map<String, byte[]> files = unzip(capture.wacz(dir.resolve("capture.wacz")));
        JsonNode pkg = JSON.readTree(files.get("datapackage.json"));
        assertEquals("1.1.1", pkg.path("wacz_version").asText());
        assertEquals(files.size() - 2, pkg.path("resources").size()); // all but datapackage.json and its digest
        for (JsonNode r : pkg.path("resources")) {
            assertEquals("sha256:" + CaptureTesting.sha256(files.get(r.path("path").asText())), r.path("hash").asText());
        }
        assertTrue(files.containsKey("archive/data.warc.gz"));
        assertTrue(files.containsKey("pages/pages.jsonl"));
        assertTrue(files.containsKey("capture/manifest.tsr"));
        String index = new String(files.get("indexes/index.cdx"), StandardCharsets.UTF_8);
        assertTrue(index.lines().anyMatch(l -> l.contains("\"url\": \"" + site.url("/case/page") + "\"")
                && l.contains("\"filename\": \"data.warc.gz\"")), index);
    }

    @Test
    void R17_waczIsReadBackByAnIndependentReplayReader(@TempDir Path dir) throws Exception {
        Path wacz = capture.wacz(dir.resolve("capture.wacz"));
        JsonNode read = readWacz(wacz);
        assertEquals("[]", read.path("problems").toString(), "WACZ 1.1.1 as warcio.js and yauzl read it");
        JsonNode page = read.path("pages").path(0);
        assertEquals(site.url("/case/page").toString(), page.path("url").asText());
        assertEquals("response", page.path("type").asText());
        assertEquals(200, page.path("status").asInt());
        assertTrue(page.path("body").asText().contains("Tråden"), page.toString());

        // and the reader is no rubber stamp: a package deflated as before, without its digest, is refused
        Map<String, byte[]> files = unzip(wacz);
        files.remove("datapackage-digest.json");
        Path deflated = dir.resolve("deflated.wacz");
        zip(files, deflated);
        String problems = readWacz(deflated).path("problems").toString();
        assertTrue(problems.contains("archive/data.warc.gz is compressed in the ZIP"), problems);
        assertTrue(problems.contains("datapackage-digest.json is missing"), problems);
    }

    /** Runs the replay reader of wacz-reader/ (Webrecorder's warcio.js on Node, installed by ./insyn test). */
    static JsonNode readWacz(Path wacz) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("insyn.waczReader", "wacz-reader/read-wacz.mjs"));
        assertTrue(Files.isDirectory(script.resolveSibling("node_modules")),
                "the WACZ reader is not installed: npm ci --prefix " + script.getParent());
        Process node = new ProcessBuilder("node", script.toString(), wacz.toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), out);
        return JSON.readTree(out);
    }

    @Test
    void R17_oneChangedByteInAnyArtifactTheManifestOrTheTimestampIsReported(@TempDir Path dir) throws IOException {
        List<String> kinds = new ArrayList<>(capture.names());
        kinds.add("manifest.json");
        kinds.add("manifest.tsr");
        for (String name : kinds) {
            List<Problem> stored = capture.verifyWithChanged(name);
            assertFalse(stored.isEmpty(), "a changed " + name + " is reported");
            assertTrue(stored.stream().anyMatch(p -> p.where().endsWith("/" + name)), name + ": " + stored);

            Path wacz = dir.resolve(name.replace('/', '_') + ".wacz");
            Map<String, byte[]> files = unzip(capture.wacz(wacz));
            String path = CaptureTesting.waczPath(name);
            files.get(path)[files.get(path).length / 2] ^= 1;
            zip(files, wacz);
            List<Problem> packaged = CaptureTesting.verifyWacz(wacz);
            assertTrue(packaged.stream().anyMatch(p -> p.where().endsWith("/" + path)), name + ": " + packaged);
        }
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static void zip(Map<String, byte[]> files, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
    }
}
