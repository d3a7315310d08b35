package org.insyn.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.insyn.core.service.SearchService;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceProvider;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.ConfiguredSource;
import org.insyn.web.internal.FanOut;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.SourceConfig;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of asking sources in parallel: four result-page sources on four loopback sites answering after
 * 100, 200, 300 and 400 ms, against the slowest of them asked alone (baseline). The ratio is the fan-out's
 * overhead over the slowest source; the politeness gap is off so that only the fan-out's own work is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanOutBenchmark {
    private FixtureServer web;
    private List<SourceProvider> sources;

    @Setup(Level.Trial)
    public void start() throws Exception {
        web = FixtureServer.start();
        PrivateHttp http = new PrivateHttp(new PrivateHttp.Limits(Duration.ZERO, 5L << 20, 5));
        sources = new ArrayList<>();
        int delay = 100;
        for (String site : FixtureServer.SITES) {
            String json = """
                    { "id": "%s", "name": "%s", "type": "html", "url": "%s/sok?q={query}&delay=%d",
                      "items": "div.result", "empty": "div.no-results",
                      "fields": { "title": "a.result__a", "url": "a.result__a@href", "snippet": ".result__snippet" } }
                    """.formatted(site, site, web.base(site), delay);
            sources.add(new ConfiguredSource(SourceConfig.read(new java.io.ByteArrayInputStream(json.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))), http, key -> Optional.empty()));
            delay += 100;
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        web.close();
    }

    @Benchmark
    public List<HitDraft> baseline() throws Exception {
        SourceProvider slowest = sources.get(sources.size() - 1);
        return slowest.search("Rinkeby", new SourceContext("bench", Optional.empty(), Instant.now().plusSeconds(10), r -> {
        }, () -> false, (pages, hits) -> {
        }));
    }

    @Benchmark
    public List<HitDraft> fanOut() {
        List<HitDraft> hits = new ArrayList<>();
        new FanOut().run(sources, "Rinkeby", new FanOut.Run("bench", Optional.empty(), r -> {
        }), new SearchService.Listener() {
        }, hits::addAll);
        return hits;
    }
}
