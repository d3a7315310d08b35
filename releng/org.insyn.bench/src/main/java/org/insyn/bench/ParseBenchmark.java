package org.insyn.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.ConfiguredSource;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.SourceConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading hits from a result page: the demo search engine's page of ten results, parsed by the configured
 * source (parse, select items, read five fields, resolve links, parse dates) against bare jsoup parsing of the
 * same bytes (baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private byte[] page;
    private URI base;
    private ConfiguredSource source;

    @Setup(Level.Trial)
    public void fetch() throws IOException, InterruptedException {
        try (FixtureServer web = FixtureServer.start(); HttpClient client = HttpClient.newHttpClient()) {
            base = URI.create(web.base("web") + "/sok?q=i&n=10");
            page = client.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        try (var in = ParseBenchmark.class.getResourceAsStream("/sources/demo/sokfinn.json")) {
            source = new ConfiguredSource(SourceConfig.read(in), new PrivateHttp(new PrivateHttp.Limits(Duration.ZERO, 1 << 20, 5)),
                    key -> Optional.empty());
        }
        int hits = source.parse(page, "text/html", Optional.of("utf-8"), base).hits().size();
        if (hits != 10) {
            throw new IllegalStateException("expected a page of ten results, got " + hits);
        }
    }

    @Benchmark
    public Document baseline() throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(page), StandardCharsets.UTF_8.name(), base.toString());
    }

    @Benchmark
    public ConfiguredSource.Page insyn() throws Exception {
        return source.parse(page, "text/html", Optional.of("utf-8"), base);
    }
}
