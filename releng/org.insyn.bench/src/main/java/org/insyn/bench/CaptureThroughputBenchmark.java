package org.insyn.bench;

import java.util.concurrent.TimeUnit;

import org.insyn.core.model.Capture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Captures (sealed and stored) per minute with two running at once; the score adds both threads. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 15)
@Fork(1)
public class CaptureThroughputBenchmark extends CaptureFixture {

    @Benchmark
    @Threads(2)
    public Capture twoInParallel() {
        return captureAndStore();
    }
}
