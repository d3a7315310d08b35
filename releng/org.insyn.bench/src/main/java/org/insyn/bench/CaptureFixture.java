package org.insyn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.insyn.capture.internal.CaptureOptions;
import org.insyn.capture.internal.ChromiumCaptureService;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.sun.net.httpserver.HttpServer;

/**
 * What the capture benchmarks share: a fixture forum page with 40 images on loopback, and an encrypted H2
 * workspace with a case and its justification to store the captures in.
 */
@State(Scope.Benchmark)
public abstract class CaptureFixture {
    HttpServer server;
    URI page;
    CaptureService service;
    Workspace workspace;
    Session anna;
    CaptureService.Request request;
    Path shots;

    @Setup(Level.Trial)
    public void serve() throws IOException {
        byte[] logo = Files.readAllBytes(Path.of("/usr/share/icons/hicolor/48x48/apps/chromium.png"));
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Forum</title></head><body>");
        for (int i = 0; i < 40; i++) {
            html.append("<h2>Inlägg ").append(i).append("</h2><p>Lorem ipsum dolor sit amet, åäö.</p><img src='/logo.png?").append(i).append("'>");
        }
        byte[] body = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", e -> {
            boolean image = e.getRequestURI().getPath().equals("/logo.png");
            byte[] b = image ? logo : body;
            e.getResponseHeaders().set("Content-Type", image ? "image/png" : "text/html; charset=utf-8");
            e.sendResponseHeaders(200, b.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/forum");
        service = new ChromiumCaptureService(CaptureOptions::defaults, "Insyn bench", ZoneId.of("Europe/Stockholm"));
        shots = Files.createTempDirectory("insyn-bench-shots");
        workspace = Workspaces.anna(WorkspaceConfig.embedded(shots.resolve("workspace")), "north");
        anna = workspace.session();
        long caseId = anna.openCase("north", "Bänk").id();
        anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
        long justificationId = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER,
                "Mätning av hur lång tid en sparning tar.", SearchMode.CLIENT).id();
        request = new CaptureService.Request(caseId, justificationId, Optional.empty(), page, RecordClass.MINOR_IMPORTANCE);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.stop(0);
        workspace.close();
        try (Stream<Path> s = Files.walk(shots)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One full capture, sealed (hashes and manifest over every artifact) and stored with its audit entry. */
    Capture captureAndStore() {
        return service.capture(workspace, anna, request);
    }
}
