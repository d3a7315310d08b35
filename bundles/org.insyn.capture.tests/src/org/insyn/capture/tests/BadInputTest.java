package org.insyn.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.insyn.capture.internal.CaptureTesting;
import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** Pages that cannot be captured, or only in part: a clear refusal, or a capture that says what it lacks. */
class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Fixture site;
    static final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void serve() throws IOException {
        site = new Fixture();
        site.route("/loop", e -> {
            e.getResponseHeaders().set("Location", "/loop");
            e.sendResponseHeaders(302, -1);
            e.close();
        });
        site.route("/moved", e -> {
            e.getResponseHeaders().set("Location", "/tall");
            e.sendResponseHeaders(301, -1);
            e.close();
        });
        site.route("/error", e -> Fixture.send(e, 500, "text/html", "<html><body><h1>Internal error</h1></body></html>".getBytes(StandardCharsets.UTF_8)));
        site.route("/report.bin", e -> {
            e.getResponseHeaders().set("Content-Disposition", "attachment; filename=report.bin");
            Fixture.send(e, 200, "application/octet-stream", new byte[4096]);
        });
        site.page("/slow", "<html><head><title>Slow</title></head><body><h1>Shown at once</h1><img src='/never.png'></body></html>");
        site.route("/never.png", e -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            e.close();
        });
        site.page("/tall", "<html><body style='margin:0'><div style='height:9000px;background:#0a0'>tall</div></body></html>");
        // two minutes of a page arriving a line at a time (until the browser hangs up)
        site.route("/drip", e -> {
            e.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            e.sendResponseHeaders(200, 0);
            try (var out = e.getResponseBody()) {
                out.write(("<html><head><title>Droppar</title></head><body><h1>Första raden syns</h1>" + " ".repeat(2048))
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 240 && release.getCount() > 0; i++) {
                    out.write(("<p>rad " + i + "</p>\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    release.await(500, TimeUnit.MILLISECONDS);
                }
                out.write("</body></html>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException gone) {
                // the capture ended and Chromium hung up
            }
        });
    }

    @AfterAll
    static void stop() {
        release.countDown();
        site.close();
    }

    /** One warm Chromium per configuration, whatever failed: every folder of this process is a running browser's. */
    @AfterEach
    void noProfileIsLeftBehind() throws IOException {
        for (Path folder : profiles()) {
            String flag = "--user-data-dir=" + folder.resolve("p");
            assertTrue(ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments().map(a -> List.of(a).contains(flag)).orElse(false)),
                    folder + " is left behind by a browser that is gone");
        }
    }

    static Set<Path> profiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            String own = "insyn-chromium-" + ProcessHandle.current().pid() + "-";
            return s.filter(p -> p.getFileName().toString().startsWith(own)).collect(Collectors.toSet());
        }
    }

    static InsynException refused(URI url) {
        return assertThrows(InsynException.class, () -> CaptureTesting.capture(url, Optional.empty(), o -> o));
    }

    @Test
    void unreachableHostIsRefusedWithTheReason() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        InsynException e = refused(URI.create("http://127.0.0.1:" + closed + "/"));
        assertEquals("capture.unreachable", e.key());
        assertTrue(e.getMessage().contains("ERR_CONNECTION_REFUSED"), e.getMessage());
        assertTrue(e.message(Messages.SWEDISH).contains("gick inte att n\u00e5"), e.message(Messages.SWEDISH));
    }

    @Test
    void invalidTlsCertificateIsRefused() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        https.createContext("/", ex -> Fixture.send(ex, 200, "text/html", "<html>secret</html>".getBytes(StandardCharsets.UTF_8)));
        https.start();
        try {
            InsynException e = refused(URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/"));
            assertEquals("capture.tls", e.key(), e.getMessage());
            assertTrue(e.getMessage().contains("ERR_CERT"), e.getMessage());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void redirectLoopIsRefused() {
        InsynException e = refused(site.url("/loop"));
        assertEquals("capture.redirectLoop", e.key(), e.getMessage());
    }

    @Test
    void downloadIsRefusedAsNotAPage() {
        InsynException e = refused(site.url("/report.bin"));
        assertEquals("capture.notAPage", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("application/octet-stream"), e.getMessage());
    }

    @Test
    void missingPageAndServerErrorAreCapturedWithTheirStatus() throws Exception {
        for (var c : new Object[][] { { "/gone", 404, "not here" }, { "/error", 500, "Internal error" } }) {
            var sealed = CaptureTesting.capture(site.url((String) c[0]), Optional.empty(), o -> o);
            JsonNode manifest = JSON.readTree(sealed.evidence().manifest());
            assertEquals(c[1], manifest.path("httpStatus").asInt());
            assertTrue(new String(sealed.artifact("page.html"), StandardCharsets.UTF_8).contains((String) c[2]));
            assertEquals(List.of(), sealed.verify());
        }
    }

    @Test
    void aRedirectIsFollowedAndBothUrlsAndEveryHopAreKept() throws Exception {
        var sealed = CaptureTesting.capture(site.url("/moved"), Optional.empty(), o -> o);
        JsonNode manifest = JSON.readTree(sealed.evidence().manifest());
        assertEquals(site.url("/moved").toString(), manifest.path("url").asText());
        assertEquals(site.url("/tall").toString(), manifest.path("finalUrl").asText());
        assertEquals(200, manifest.path("httpStatus").asInt());
        assertTrue(manifest.path("requests").findValues("status").stream().anyMatch(s -> s.asInt() == 301), manifest.toString());
        try (var reader = new WarcReader(new ByteArrayInputStream(sealed.artifact("capture.warc.gz")))) {
            List<Integer> statuses = new ArrayList<>();
            for (var record : reader) {
                if (record instanceof WarcResponse r) {
                    statuses.add(r.http().status());
                }
            }
            assertTrue(statuses.contains(301) && statuses.contains(200), statuses.toString());
        }
    }

    @Test
    void pageThatNeverFinishesLoadingIsCapturedAsRenderedAndMarkedIncomplete() throws Exception {
        long start = System.nanoTime();
        var sealed = CaptureTesting.capture(site.url("/slow"), Optional.empty(), o -> o.withLoadTimeout(Duration.ofSeconds(3)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "the timeout ends the wait");
        JsonNode manifest = JSON.readTree(sealed.evidence().manifest());
        assertFalse(manifest.path("complete").asBoolean());
        assertFalse(sealed.evidence().complete());
        assertTrue(manifest.path("incompleteReason").asText().contains("3 s"), manifest.toString());
        assertTrue(new String(sealed.artifact("page.html"), StandardCharsets.UTF_8).contains("Shown at once"));
        assertTrue(CaptureTest.image(sealed.artifact("screenshot-full.png")).getHeight() > 0);
        assertTrue(JSON.readTree(sealed.evidence().manifest()).path("requests").findValuesAsText("url").stream()
                .anyMatch(u -> u.endsWith("/never.png")), "the unfinished request is listed");
    }

    @Test
    void aPageStillArrivingAtTheDeadlineIsCapturedAsRenderedAndMarkedIncomplete() throws Exception {
        long start = System.nanoTime();
        var sealed = CaptureTesting.capture(site.url("/drip"), Optional.empty(), o -> o.withLoadTimeout(Duration.ofSeconds(3)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "the deadline holds, not the two minutes");
        JsonNode manifest = JSON.readTree(sealed.evidence().manifest());
        assertFalse(manifest.path("complete").asBoolean(), manifest.toString());
        assertTrue(manifest.path("incompleteReason").asText().contains("3 s"), manifest.toString());
        assertEquals(200, manifest.path("httpStatus").asInt());
        assertTrue(new String(sealed.artifact("page.html"), StandardCharsets.UTF_8).contains("Första raden syns"));
        assertTrue(CaptureTest.image(sealed.artifact("screenshot-viewport.png")).getHeight() > 0);
        // the WARC keeps the response as far as it was known, marked truncated
        try (WarcReader warc = new WarcReader(new java.io.ByteArrayInputStream(sealed.artifact("capture.warc.gz")))) {
            boolean truncated = false;
            for (WarcRecord r : warc) {
                truncated |= r instanceof WarcResponse w && w.target().endsWith("/drip") && w.truncated() != WarcTruncationReason.NOT_TRUNCATED;
            }
            assertTrue(truncated, "the page's response record says it is truncated");
        }
    }

    @Test
    void hugePageIsCutAtTheHeightCapAndTheManifestSaysSo() throws Exception {
        var sealed = CaptureTesting.capture(site.url("/tall"), Optional.empty(), o -> o.withHeightCap(2000));
        JsonNode shot = JSON.readTree(sealed.evidence().manifest()).path("fullPageScreenshot");
        assertEquals(9000, shot.path("pageHeight").asInt());
        assertEquals(2000, shot.path("capturedHeight").asInt());
        assertTrue(shot.path("heightCapped").asBoolean());
        assertEquals(2000, CaptureTest.image(sealed.artifact("screenshot-full.png")).getHeight());
    }

    @Test
    void missingChromiumNamesTheDebianPackage() {
        InsynException e = assertThrows(InsynException.class, () -> CaptureTesting.capture(site.url("/gone"), Optional.empty(),
                o -> o.withChromium(Path.of("/nonexistent/chromium"), CaptureTesting.LOOPBACK_ONLY)));
        assertEquals("capture.chromiumMissing", e.key());
        assertTrue(e.getMessage().contains("apt-get install chromium"), e.getMessage());
        assertTrue(e.message(Messages.SWEDISH).contains("apt-get install chromium"), e.message(Messages.SWEDISH));
    }

    @Test
    void onlyWebAddressesAreCaptured() {
        assertEquals("capture.badUrl", refused(URI.create("file:///etc/passwd")).key());
    }

    private static SSLContext selfSigned() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        KeyPair kp = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Date now = new Date();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TWO, new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", kp.getPrivate(), new char[0], new X509Certificate[] { cert });
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }
}
