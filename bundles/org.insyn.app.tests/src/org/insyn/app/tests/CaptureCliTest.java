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

    @Test
    void capturePrintsTheIdAndEveryHashAndVerifyFindsAChangedArtifact() throws Exception {
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
        try {
            assertEquals(Cli.OK, run("capture", "--workspace", dir.toString(), "--case", Long.toString(caseId),
                    "--justification", Long.toString(justificationId), url), this::out);
        } finally {
            site.stop(0);
        }
        String printed = out();
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
