package org.insyn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.capture.internal.CaptureContext;
import org.insyn.capture.internal.CaptureOptions;
import org.insyn.capture.internal.Evidence;
import org.insyn.capture.internal.EvidenceMaker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.sun.net.httpserver.HttpServer;

/**
 * One full capture (Chromium over DevTools, screenshots, DOM, MHTML, media, WARC, hashes, manifest) of a fixture
 * page on loopback, against a bare {@code chromium --headless --screenshot} of the same page as the baseline; and
 * captures per minute with two running in parallel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class CaptureBenchmark {
    private HttpServer server;
    private URI page;
    private EvidenceMaker maker;
    private Path shots;

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
        maker = new EvidenceMaker(CaptureOptions.defaults(), "Insyn bench", ZoneId.of("Europe/Stockholm"));
        shots = Files.createTempDirectory("insyn-bench-shots");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.stop(0);
        try (Stream<Path> s = Files.walk(shots)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A bare headless Chromium screenshot of the same page: start, load, one viewport PNG, exit. */
    @Benchmark
    public long baseline() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(shots, "profile");
        Path png = shots.resolve("shot.png");
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--screenshot=" + png));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox");
        }
        command.add(page.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0 || !Files.exists(png)) {
            throw new IOException("chromium --screenshot failed with " + p.exitValue());
        }
        return Files.size(png);
    }

    /** One full capture, sealed (hashes and manifest over every artifact). */
    @Benchmark
    public Evidence capture() throws IOException, InterruptedException {
        return maker.make(page, new CaptureContext("bench", 1, 1, Optional.empty()));
    }

    /** Captures per minute with two captures running at once (the score adds both threads). */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MINUTES)
    public Evidence twoInParallel() throws IOException, InterruptedException {
        return capture();
    }
}
