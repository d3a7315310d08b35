package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.app.CaptureCommand;
import org.insyn.app.Cli;
import org.insyn.app.VerifyCommand;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.testing.OsgiServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** {@code insyn cli capture} and {@code insyn cli verify} on a real workspace, with the services DS offers. */
class CaptureCliTest {
    static final Map<String, String> ENV = Workspaces.ANNA;

    @TempDir
    Path dir;

    static <T> Supplier<T> service(Class<T> type) {
        return () -> OsgiServices.service(type);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        Cli cli = new Cli("1", List.of(new CaptureCommand(service(WorkspaceProvider.class), service(CaptureService.class), ENV,
                Workspaces.NOTHING_TO_ASK, Locale.ENGLISH), new VerifyCommand(service(WorkspaceProvider.class),
                        Optional.of(service(CaptureService.class)), ENV, Workspaces.NOTHING_TO_ASK, Locale.ENGLISH)));
        return cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The capture service's system property naming the timestamp authority. */
    private static final String TSA_PROPERTY = "insyn.capture.tsa";

    private static String pem(java.security.cert.X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * R17: verify names each timestamp's signer and says whether a trust anchor in the workspace's tsa-anchors folder
     * names them; an untrusted signer is a finding only once anchors are configured.
     */
    @Test
    void R17_capturePrintsTheIdAndEveryHashAndVerifyJudgesTheTimestampAndFindsAChangedArtifact() throws Exception {
        long caseId;
        long justificationId;
        try (Workspace ws = Workspaces.anna(service(WorkspaceProvider.class).get(), dir, "north")) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Kommandorad").id();
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            justificationId = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER,
                    "Dokumentera ett inlägg som rör ärendet.", SearchMode.CLIENT).id();
        }
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", e -> {
            byte[] page = "<html><head><title>Inlägg</title></head><body><h1>Ett inlägg</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            e.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            e.sendResponseHeaders(200, page.length);
            try (OutputStream o = e.getResponseBody()) {
                o.write(page);
            }
        });
        site.start();
        String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/inlagg";
        String printed;
        try (LoopbackTsa tsa = new LoopbackTsa("CN=Kommunens TSA,O=Insyn"); LoopbackTsa stranger = new LoopbackTsa("CN=Annan TSA,O=Annan")) {
            System.setProperty(TSA_PROPERTY, tsa.url().toString());
            assertEquals(Cli.OK, run("capture", "--workspace", dir.toString(), "--case", Long.toString(caseId),
                    "--justification", Long.toString(justificationId), url), this::out);
            printed = out();
            System.clearProperty(TSA_PROPERTY);
            Capture stamped;
            try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class).get(), dir, "anna")) {
                stamped = ws.session().captures(caseId).getFirst();
            }
            assertTrue(stamped.timestampToken().isPresent(), "the capture is timestamped");
            String signer = "signed by " + tsa.certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC1779);
            assertTrue(signer.contains("CN=Kommunens TSA"), signer);

            // no anchors anywhere: the token's own certificate is not trusted, yet nothing is configured to hold it to
            assertEquals(Cli.OK, run("verify", "--workspace", dir.toString()), this::out);
            assertTrue(out().contains("Capture " + stamped.id() + ": timestamp valid, " + signer + ", untrusted (no trust anchor names it)"), out());

            // an anchor in the workspace's folder that does not name the signer: untrusted, and a finding
            Path anchors = dir.resolve("tsa-anchors");
            Files.createDirectories(anchors);
            Files.writeString(anchors.resolve("other.pem"), pem(stranger.certificate));
            assertEquals(1, run("verify", "--workspace", dir.toString()), this::out);
            assertTrue(out().contains("Capture " + stamped.id() + ": timestamp valid, " + signer + ", untrusted (no trust anchor names it)"), out());
            assertTrue(out().contains("capture " + stamped.id() + "/manifest.tsr"), out());

            // the authority's certificate dropped into the folder: trusted
            Files.writeString(anchors.resolve("kommunens-tsa.pem"), pem(tsa.certificate));
            assertEquals(Cli.OK, run("verify", "--workspace", dir.toString()), this::out);
            assertTrue(out().contains("Capture " + stamped.id() + ": timestamp valid, " + signer + ", trusted."), out());
        } finally {
            System.clearProperty(TSA_PROPERTY);
            site.stop(0);
        }
        Capture stored;
        try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class).get(), dir, "anna")) {
            stored = ws.session().captures(caseId).getFirst();
        }
        assertTrue(printed.startsWith("capture " + stored.id() + "\n"), printed);
        assertTrue(printed.contains(stored.manifestSha256() + "  manifest.json"), printed);
        stored.artifacts().forEach((name, hash) -> assertTrue(printed.contains(hash + "  " + name), name + " in " + printed));

        assertEquals(Cli.OK, run("verify", "--workspace", dir.toString()), this::out);
        assertTrue(out().contains("Clean:"), out());
        assertTrue(out().contains(stored.artifacts().size() + 1 + " capture files checked"), out());

        String html = stored.artifacts().get("page.html");
        Path blob = dir.resolve("blobs").resolve(html.substring(0, 2)).resolve(html);
        byte[] b = Files.readAllBytes(blob);
        b[b.length / 2] ^= 1;
        Files.write(blob, b);
        assertEquals(1, run("verify", "--workspace", dir.toString()), this::out);
        assertTrue(out().contains("capture " + stored.id() + "/page.html"), out());
    }
}
