package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.insyn.core.model.Capture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full capture (Chromium over DevTools, screenshots, DOM, MHTML, media, WARC, hashes, manifest), sealed and
 * stored in the encrypted workspace, against a bare {@code chromium --headless --screenshot} of the same page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class CaptureBenchmark extends CaptureFixture {

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

    /** One full capture, sealed and stored. */
    @Benchmark
    public Capture capture() {
        return captureAndStore();
    }
}
