package org.insyn.capture.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.insyn.capture.internal.CaptureOptions;
import org.insyn.capture.internal.CaptureTesting;
import org.insyn.capture.internal.ChromiumCaptureService;
import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.CaptureSettings;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures stored in a real encrypted H2 workspace, opened through the store's DS service (R9, R15, R16, R17). */
class CaptureStoreTest {
    static final String SECRET = "Hemligsson-7731";
    static Fixture site;
    static LoopbackTsa tsa;

    @TempDir
    Path dir;
    Workspace ws;
    Session anna;
    long caseId;
    long justificationId;

    @BeforeAll
    static void serve() throws Exception {
        site = new Fixture();
        site.page("/post", "<!doctype html><html><head><title>Inlägg</title></head><body><h1>" + SECRET
                + "</h1><img src='/bild.png'><script src='http://www.google-analytics.com:" + site.port() + "/ga.js'></script></body></html>");
        site.file("/bild.png", "image/png", CaptureTest.png(30, 20));
        tsa = new LoopbackTsa();
    }

    @AfterAll
    static void stop() {
        site.close();
        tsa.close();
    }

    static final char[] PASSWORD = "korrekt-häst-batteri".toCharArray();

    @BeforeEach
    void open() throws InterruptedException {
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        try (Workspace admin = service(WorkspaceProvider.class).create(config,
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD)) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD);
            admin.accounts().create(new User("sara", "Sara", Set.of(Role.SUPERVISOR), Set.of("north"), true), PASSWORD);
        }
        ws = service(WorkspaceProvider.class).signIn(config, "anna", PASSWORD);
        anna = ws.session();
        caseId = anna.openCase("north", "Ekonomiskt bistånd").id();
        anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.IN_PERSON, "Anna");
        justificationId = anna.justify(Optional.of(caseId), "north", ReasonCategory.INCORRECT_INFORMATION,
                "Uppgifter i ansökan behöver kontrolleras mot öppna källor.", SearchMode.CLIENT).id();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    Capture capture(CaptureService service, URI url) {
        return service.capture(ws, anna, new CaptureService.Request(caseId, justificationId, Optional.empty(), url,
                RecordClass.CLIENT_FILE));
    }

    Path blobFile(String sha256) {
        return dir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Test
    void theProductOffersTheCaptureServiceThroughDs() throws InterruptedException {
        assertInstanceOf(ChromiumCaptureService.class, service(CaptureService.class));
    }

    /** R17: the authority set in the preferences (Window › Preferences) seals the product's captures, from the next one on. */
    @Test
    void R17_theProductsCaptureServiceSealsWithTheTimestampAuthorityOfThePreferences() throws Exception {
        CaptureService product = service(CaptureService.class);
        CaptureSettings settings = service(CaptureSettings.class);
        try {
            assertTrue(capture(product, site.url("/post")).timestampToken().isEmpty(), "no authority anywhere: hashes only");
            settings.setTimestampAuthority(tsa.url().toString());
            Capture sealed = capture(product, site.url("/post"));
            assertTrue(sealed.timestampToken().isPresent(), "sealed by the authority of the preferences");
            assertTrue(ws.verify().clean());
        } finally {
            settings.setTimestampAuthority("");
        }
    }

    /** R17: a system property or INSYN_TSA_URL, when set, comes before the preference; blank counts as unset. */
    @Test
    void R17_theTimestampAuthorityIsThePropertyElseTheEnvironmentElseThePreference() {
        UnaryOperator<String> none = key -> null;
        UnaryOperator<String> blank = key -> " ";
        UnaryOperator<String> property = key -> key.equals(ChromiumCaptureService.TSA_PROPERTY) ? "http://127.0.0.1:1/property" : null;
        UnaryOperator<String> env = key -> key.equals(ChromiumCaptureService.TSA_ENV) ? "http://127.0.0.1:1/env" : null;
        UnaryOperator<String> pref = key -> key.equals(ChromiumCaptureService.TSA_PREFERENCE) ? " http://127.0.0.1:1/pref " : null;
        assertEquals(Optional.of(URI.create("http://127.0.0.1:1/property")), ChromiumCaptureService.timestampAuthority(property, env, pref));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:1/env")), ChromiumCaptureService.timestampAuthority(blank, env, pref));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:1/pref")), ChromiumCaptureService.timestampAuthority(none, blank, pref));
        assertEquals(Optional.empty(), ChromiumCaptureService.timestampAuthority(none, none, blank));
    }

    @Test
    void R17_aCaptureIsStoredEncryptedWithItsAuditEntryAndItsRequestsLogged() throws Exception {
        Capture c = capture(CaptureTesting.service(Optional.of(tsa.url())), site.url("/post"));
        assertEquals(List.of(c.id()), anna.captures(caseId).stream().map(Capture::id).toList());
        assertTrue(c.timestampToken().isPresent());
        assertTrue(c.complete());
        assertEquals("anna", c.operatorId());
        assertEquals(Set.of("screenshot-full.png", "screenshot-viewport.png", "page.html", "page.mhtml", "capture.warc.gz",
                "media/01-bild.png"), c.artifacts().keySet());
        for (String hash : c.artifacts().values()) {
            assertTrue(ws.blobs().exists(hash));
            // R9: at rest the blob is encrypted, the page's text is not in it
            assertFalse(new String(Files.readAllBytes(blobFile(hash)), StandardCharsets.ISO_8859_1).contains(SECRET));
        }
        String html = new String(ws.blobs().open(c.artifacts().get("page.html")).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains(SECRET));
        AuditEntry last = ws.audit().entries(Optional.of(caseId), 0, 1000).getLast();
        assertEquals(AuditAction.CAPTURE_SAVED, last.action());
        assertTrue(last.detail().contains(c.manifestSha256()), last.detail());
        List<NetworkRequest> log = ws.networkLog().recent(100);
        assertTrue(log.stream().anyMatch(r -> r.url().equals(site.url("/post").toString()) && r.outcome().equals("ok")
                && r.purpose().equals("capture") && r.userId().equals("anna")), log::toString);
        assertTrue(log.stream().anyMatch(r -> r.url().contains("google-analytics") && r.outcome().equals("blocked")), log::toString);
        assertTrue(log.stream().anyMatch(r -> r.url().equals(tsa.url().toString()) && r.purpose().equals("timestamp")
                && r.method().equals("POST") && r.status() == 200), "R15: the request to the timestamp authority is logged: " + log);
        VerifyReport clean = CaptureTesting.service(Optional.empty()).verify(ws);
        assertEquals(List.of(), clean.problems());
        // R17: with trust anchors configured, the token's signer must chain to one of them
        Path anchors = Files.createTempDirectory("anchors");
        try (LoopbackTsa stranger = new LoopbackTsa()) {
            System.setProperty(ChromiumCaptureService.ANCHORS_PROPERTY, anchors.toString());
            Files.writeString(anchors.resolve("other.pem"), pem(stranger.certificate));
            List<VerifyReport.Problem> untrusted = CaptureTesting.service(Optional.empty()).verify(ws).problems();
            assertEquals(1, untrusted.size(), untrusted::toString);
            assertTrue(untrusted.get(0).detail().contains("CN=Insyn Test TSA"), untrusted::toString);
            Files.writeString(anchors.resolve("tsa.pem"), pem(tsa.certificate));
            assertEquals(List.of(), CaptureTesting.service(Optional.empty()).verify(ws).problems(), "signed by a trusted authority");
        } finally {
            System.clearProperty(ChromiumCaptureService.ANCHORS_PROPERTY);
        }
        assertTrue(ws.verify().clean());
    }

    /** R7: the page as the worker saw it in the workbench is sealed with the capture, in its manifest and its hashes. */
    @Test
    void R7_theScreenshotAsSeenIsSealedWithTheCapture() throws Exception {
        CaptureService service = CaptureTesting.service(Optional.of(tsa.url()));
        byte[] seen = CaptureTest.png(64, 48);
        Capture c = service.capture(ws, anna, new CaptureService.Request(caseId, justificationId, Optional.empty(), site.url("/post"),
                RecordClass.CLIENT_FILE, Optional.of(seen)));
        String sha256 = c.artifacts().get(CaptureService.SEEN_SCREENSHOT);
        assertArrayEquals(seen, ws.blobs().open(sha256).readAllBytes());
        String manifest = new String(ws.blobs().open(c.manifestSha256()).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"name\" : \"" + CaptureService.SEEN_SCREENSHOT + "\"") && manifest.contains(sha256), manifest);
        assertEquals(List.of(), service.verify(ws).problems());
        byte[] stored = Files.readAllBytes(blobFile(sha256));
        stored[stored.length / 2] ^= 1;
        Files.write(blobFile(sha256), stored);
        assertTrue(service.verify(ws).problems().stream().anyMatch(p -> p.where().equals("capture " + c.id() + "/" + CaptureService.SEEN_SCREENSHOT)));
    }

    @Test
    void R17_verifyReportsEveryChangedArtifactKindAndTheManifest() throws Exception {
        CaptureService service = CaptureTesting.service(Optional.of(tsa.url()));
        Capture c = capture(service, site.url("/post"));
        List<String> names = new ArrayList<>(c.artifacts().keySet());
        names.add("manifest.json");
        for (String name : names) {
            String sha256 = name.equals("manifest.json") ? c.manifestSha256() : c.artifacts().get(name);
            Path file = blobFile(sha256);
            byte[] original = Files.readAllBytes(file);
            byte[] changed = original.clone();
            changed[changed.length / 2] ^= 1;
            Files.write(file, changed);
            List<VerifyReport.Problem> problems = service.verify(ws).problems();
            assertTrue(problems.stream().anyMatch(p -> p.where().equals("capture " + c.id() + "/" + name)), name + ": " + problems);
            Files.write(file, original);
        }
        assertEquals(List.of(), service.verify(ws).problems());
    }

    @Test
    void R17_theWaczExportOfAStoredCaptureVerifies() throws Exception {
        CaptureService service = CaptureTesting.service(Optional.of(tsa.url()));
        Capture c = capture(service, site.url("/post"));
        Path wacz = dir.resolve("c.wacz");
        try (var out = Files.newOutputStream(wacz)) {
            service.exportWacz(ws, c, out);
        }
        assertEquals(List.of(), CaptureTesting.verifyWacz(wacz));
    }

    @Test
    void aRefusedOrFailedCaptureLeavesNoCaptureAndNoBlob() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        InsynException unreachable = assertThrows(InsynException.class,
                () -> capture(CaptureTesting.service(Optional.empty()), URI.create("http://127.0.0.1:" + closed + "/")));
        assertEquals("capture.unreachable", unreachable.key());
        // the page is fetched, but the timestamp authority is down: nothing may stay half-written
        InsynException unsealed = assertThrows(InsynException.class,
                () -> capture(CaptureTesting.service(Optional.of(URI.create("http://127.0.0.1:" + closed + "/tsa"))), site.url("/post")));
        assertEquals("capture.timestamp", unsealed.key(), unsealed.getMessage());
        assertEquals(List.of(), anna.captures(caseId));
        assertEquals(List.of(), ws.blobs().list());
        try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void R4_aCaptureWithoutTransparencyNoteIsRefusedBeforeAnyRequest() {
        long untold = anna.openCase("north", "Ingen information än").id();
        long j = anna.justify(Optional.of(untold), "north", ReasonCategory.INCORRECT_INFORMATION,
                "Uppgifter i ansökan behöver kontrolleras mot öppna källor.", SearchMode.CLIENT).id();
        int requestsBefore = site.seen.size();
        InsynException e = assertThrows(InsynException.class, () -> CaptureTesting.service(Optional.empty()).capture(ws, anna,
                new CaptureService.Request(untold, j, Optional.empty(), site.url("/post"), RecordClass.CLIENT_FILE)));
        assertEquals(Optional.of(Rule.R4), e.rule(), e.getMessage());
        assertEquals(requestsBefore, site.seen.size(), "no request left the machine");
    }

    @Test
    void R4_aRefusedCaptureIsOnTheAuditTrailAndNoBrowserStarted() {
        long untold = anna.openCase("north", "Ingen information ännu").id();
        long j = anna.justify(Optional.of(untold), "north", ReasonCategory.INCORRECT_INFORMATION,
                "Uppgifter i ansökan behöver kontrolleras mot öppna källor.", SearchMode.CLIENT).id();
        // a Chromium that cannot start: if the capture got as far as the browser, it would fail on this instead
        CaptureService noBrowser = new ChromiumCaptureService(() -> CaptureOptions.defaults()
                .withChromium(dir.resolve("no-chromium-here"), List.of()), "Insyn test", ZoneId.of("Europe/Stockholm"));
        InsynException e = assertThrows(InsynException.class, () -> noBrowser.capture(ws, anna,
                new CaptureService.Request(untold, j, Optional.empty(), site.url("/post"), RecordClass.CLIENT_FILE)));
        assertEquals(Optional.of(Rule.R4), e.rule(), e.getMessage());
        AuditEntry last = ws.audit().entries(Optional.of(untold), 0, 100).getLast();
        assertEquals(AuditAction.CAPTURE_REFUSED, last.action());
        assertTrue(last.detail().contains("R4"), last.detail());

        // allowed: the start is audited before the browser is asked (and here fails, for want of one)
        InsynException missing = assertThrows(InsynException.class, () -> noBrowser.capture(ws, anna,
                new CaptureService.Request(caseId, justificationId, Optional.empty(), site.url("/post"), RecordClass.CLIENT_FILE)));
        assertEquals("capture.chromiumMissing", missing.key());
        assertTrue(ws.audit().entries(Optional.of(caseId), 0, 100).stream().anyMatch(a -> a.action() == AuditAction.CAPTURE_STARTED));
    }

    @Test
    void R2_aCaptureUnderARejectedJustificationIsRefused() throws Exception {
        try (Workspace sara = service(WorkspaceProvider.class).signIn(WorkspaceConfig.embedded(dir), "sara", PASSWORD)) {
            sara.session().review(justificationId, ReviewDecision.REJECT, "Inte motiverat.");
        }
        InsynException e = assertThrows(InsynException.class, () -> capture(CaptureTesting.service(Optional.empty()), site.url("/post")));
        assertEquals(Optional.of(Rule.R2), e.rule(), e.getMessage());
        assertEquals(List.of(), anna.captures(caseId));
    }

    @Test
    void R1_aCaptureNeedsTheJustificationOfItsOwnCase() {
        long other = anna.openCase("north", "Annat ärende").id();
        int requestsBefore = site.seen.size();
        InsynException e = assertThrows(InsynException.class, () -> CaptureTesting.service(Optional.empty()).capture(ws, anna,
                new CaptureService.Request(other, justificationId, Optional.empty(), site.url("/post"), RecordClass.CLIENT_FILE)));
        assertEquals("capture.justificationNotForCase", e.key());
        assertEquals(requestsBefore, site.seen.size(), "no request left the machine");
    }

    private static String pem(java.security.cert.X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
