package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.product.tests.Product;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from starting the JVM to the first visible window: the Insyn product (its first window is the sign-in
 * dialog) against a bare e4 application with one empty part, built from the same target platform. Each shot starts a
 * fresh process on a fresh workspace; the window is seen from outside, on the X display.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class StartupBenchmark {
    private Process running;
    private Path workspace;

    private long firstWindow(Product product, String title) throws Exception {
        workspace = Files.createTempDirectory("insyn-bench-ws");
        running = product.startWorkbench(workspace, workspace.resolve("console.log"));
        return Product.waitForWindow(running, title, Duration.ofSeconds(120)).toMillis();
    }

    @Benchmark
    public long insyn() throws Exception {
        return firstWindow(Product.insyn(), Product.SIGN_IN_TITLE);
    }

    @Benchmark
    public long baseline() throws Exception {
        Product bare = Product.bareE4();
        return firstWindow(bare, bare.windowTitle());
    }

    @TearDown(Level.Iteration)
    public void stop() throws InterruptedException, IOException {
        if (running != null) {
            Product.stop(running);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
