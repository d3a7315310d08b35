package org.insyn.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH arguments pass through, e.g. a class name regex) and prints one table. In each
 * benchmark class the method named {@code baseline} is the reference measured in the same run; every other
 * method of the class is shown with its ratio to it.
 */
public final class Main {
    /** Cores, CPU model, memory and Java: the figures mean something only with the machine they came from. */
    static String machine() throws java.io.IOException {
        String cpu = "unknown CPU";
        java.nio.file.Path info = java.nio.file.Path.of("/proc/cpuinfo");
        if (java.nio.file.Files.exists(info)) {
            cpu = java.nio.file.Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format("%d cores, %s, %d GiB, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory >> 30, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** A benchmark's parameters (e.g. " [store=h2]"), so rows of one method can be told apart and meet their baseline. */
    static String params(RunResult r) {
        var keys = r.getParams().getParamsKeys();
        return keys.isEmpty() ? "" : keys.stream().map(k -> k + "=" + r.getParams().getParam(k))
                .collect(java.util.stream.Collectors.joining(", ", " [", "]"));
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).build()).run();
        Map<String, Double> baselines = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            if (label.endsWith(".baseline")) {
                baselines.put(label.substring(0, label.lastIndexOf('.')) + params(r), r.getPrimaryResult().getScore());
            }
        }
        System.out.println();
        System.out.printf("Insyn benchmarks, %s: %s%n", LocalDate.now(), machine());
        System.out.println("| benchmark | mode | score | error | p50 | p99 | unit | ratio to baseline |");
        System.out.println("|---|---|---:|---:|---:|---:|---|---:|");
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String owner = label.substring(0, label.lastIndexOf('.'));
            var primary = r.getPrimaryResult();
            Double base = baselines.get(owner + params(r));
            String ratio = base == null || label.endsWith(".baseline") ? "" : String.format("%.2f", primary.getScore() / base);
            String name = label.replace("org.insyn.bench.", "") + params(r);
            // Percentiles mean something for sampled latencies; other modes leave them blank.
            boolean sampled = r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime;
            String p50 = sampled ? String.format("%.3f", primary.getStatistics().getPercentile(50)) : "";
            String p99 = sampled ? String.format("%.3f", primary.getStatistics().getPercentile(99)) : "";
            System.out.printf("| %s | %s | %.3f | %.3f | %s | %s | %s | %s |%n", name, r.getParams().getMode().shortLabel(),
                    primary.getScore(), primary.getScoreError(), p50, p99, primary.getScoreUnit(), ratio);
            // Secondary results (e.g. a peak heap counted beside the time) get a row of their own. JMH adds event
            // counters up over the iterations, which makes no sense for a peak: for those the largest one is shown.
            r.getSecondaryResults().forEach((key, result) -> {
                boolean peak = key.startsWith("peak");
                double score = peak ? largest(r, key) : result.getScore();
                System.out.printf("| %s:%s | %s | %.3f | %s | | | %s | |%n", name, key, peak ? "max" : "", score,
                        peak ? "" : String.format("%.3f", result.getScoreError()), result.getScoreUnit());
            });
        }
    }

    /** The largest value a counter had in any one measured iteration of the run. */
    private static double largest(RunResult r, String key) {
        return r.getBenchmarkResults().stream().flatMap(b -> b.getIterationResults().stream())
                .map(i -> i.getSecondaryResults().get(key)).filter(Objects::nonNull)
                .mapToDouble(Result::getScore).max().orElse(Double.NaN);
    }
}
