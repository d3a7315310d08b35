package org.insyn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks (JMH arguments pass through, e.g. a class name regex) and prints one table. In each
 * benchmark class the method named {@code baseline} is the reference measured in the same run; every other
 * method of the class is shown with its ratio to it.
 * <p>
 * Figures are only worth keeping when the machine was quiet and the error is small: the load average is read at the
 * start and the end and printed with the table; a table begun above {@value #QUIET_LOAD} is marked as loaded and is
 * not written to {@code docs/BENCHMARKS.md}. On a quiet machine a class whose error is 20 % of its score or more is
 * run again, baseline and all (the ratio stays within one fork set), with twice the measured iterations, up to
 * {@value #RETRIES} times; a loaded machine is not worth the time.
 * <p>
 * {@code --smoke} runs every benchmark once at a small size, to show that each still runs: its figures mean nothing.
 */
public final class Main {
    static final double QUIET_LOAD = 1.5;
    static final double MAX_ERROR = 0.2;
    static final int RETRIES = 2;
    static final String BEGIN = "<!-- bench:begin (written by ./insyn bench) -->";
    static final String END = "<!-- bench:end -->";
    /** Small sizes for a smoke run; JMH ignores a parameter a benchmark does not have. */
    private static final String[][] SMOKE_PARAMS = { { "notes", "2000" }, { "items", "1000" }, { "captures", "2" } };

    /** Cores, CPU model, memory and Java: the figures mean something only with the machine they came from. */
    static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format("%d cores, %s, %d GiB, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory >> 30, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The one-minute load average, from /proc/loadavg (the operating system's figure elsewhere). */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** A benchmark's parameters (e.g. " [store=h2]"), so rows of one method can be told apart and meet their baseline. */
    static String params(RunResult r) {
        var keys = r.getParams().getParamsKeys();
        return keys.isEmpty() ? "" : keys.stream().map(k -> k + "=" + r.getParams().getParam(k))
                .collect(java.util.stream.Collectors.joining(", ", " [", "]"));
    }

    static String owner(RunResult r) {
        String label = r.getParams().getBenchmark();
        return label.substring(0, label.lastIndexOf('.'));
    }

    /** The error relative to the score; a result of one iteration has no error bar and counts as unknown. */
    static double relativeError(RunResult r) {
        Result<?> p = r.getPrimaryResult();
        double error = p.getScoreError();
        return Double.isNaN(error) || p.getScore() == 0 ? Double.POSITIVE_INFINITY : Math.abs(error / p.getScore());
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        String[] jmhArgs = Arrays.stream(args).filter(a -> !a.equals("--smoke")).toArray(String[]::new);
        double loadAtStart = load();
        boolean quiet = loadAtStart <= QUIET_LOAD;
        if (!quiet && !smoke) {
            System.err.printf("insyn bench: the load average is %.2f (above %.1f): other work shares the machine, so the table "
                    + "will be marked as loaded and not written to docs/BENCHMARKS.md.%n", loadAtStart, QUIET_LOAD);
        }
        Options base = new CommandLineOptions(jmhArgs);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(base).shouldFailOnError(true);
        if (smoke) {
            options.forks(1).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1));
            for (String[] p : SMOKE_PARAMS) {
                options.param(p[0], p[1]);
            }
        }
        List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
        List<String> notes = new ArrayList<>();
        if (!smoke && quiet) {
            results = rerunNoisy(base, results, notes);
        }
        double loadAtEnd = load();
        String table = table(results, smoke, loadAtStart, loadAtEnd, notes);
        System.out.println();
        System.out.println(table);
        if (smoke) {
            System.out.println("insyn bench: smoke run done, every benchmark ran (its figures mean nothing).");
            return;
        }
        String doc = System.getProperty("insyn.bench.doc", "");
        if (quiet && !doc.isBlank()) {
            write(Path.of(doc), table);
            System.out.println("insyn bench: the table is in " + doc);
        }
    }

    /** Runs each class (baseline and all) again with twice the iterations while its error stays 20 % or more. */
    private static List<RunResult> rerunNoisy(Options base, List<RunResult> results, List<String> notes) throws RunnerException {
        List<RunResult> current = new ArrayList<>(results);
        for (int round = 1; round <= RETRIES; round++) {
            Map<String, List<RunResult>> groups = new LinkedHashMap<>();
            for (RunResult r : current) {
                groups.computeIfAbsent(owner(r) + params(r), k -> new ArrayList<>()).add(r);
            }
            boolean again = false;
            for (var group : groups.entrySet()) {
                if (group.getValue().stream().allMatch(r -> relativeError(r) < MAX_ERROR)) {
                    continue;
                }
                RunResult first = group.getValue().get(0);
                int iterations = first.getParams().getMeasurement().getCount() * 2;
                ChainedOptionsBuilder o = new OptionsBuilder().parent(base).shouldFailOnError(true)
                        .measurementIterations(iterations);
                // JMH adds includes to those given on the command line: everything but this group is excluded instead.
                String methods = Pattern.quote(owner(first)) + "\\.(" + group.getValue().stream()
                        .map(r -> r.getParams().getBenchmark().substring(owner(r).length() + 1))
                        .collect(java.util.stream.Collectors.joining("|")) + ")$";
                o.include(methods).exclude("^(?!" + methods + ")");
                for (String key : first.getParams().getParamsKeys()) {
                    o.param(key, first.getParams().getParam(key));
                }
                System.err.printf("insyn bench: %s%s has an error of 20 %% of its score or more; measuring it again with %d iterations%n",
                        owner(first), params(first), iterations);
                Collection<RunResult> again1 = new Runner(o.build()).run();
                int at = current.indexOf(first);
                current.removeAll(group.getValue());
                current.addAll(Math.min(at, current.size()), again1);
                notes.add(String.format("%s%s measured again with %d iterations (round %d)", owner(first).replace("org.insyn.bench.", ""),
                        params(first), iterations, round));
                again = true;
            }
            if (!again) {
                break;
            }
        }
        return current;
    }

    static String table(List<RunResult> results, boolean smoke, double loadAtStart, double loadAtEnd, List<String> notes)
            throws IOException {
        Map<String, Double> baselines = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith(".baseline")) {
                baselines.put(owner(r) + params(r), r.getPrimaryResult().getScore());
            }
        }
        StringBuilder out = new StringBuilder();
        String when = ZonedDateTime.now(ZoneId.of("Europe/Stockholm")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        out.append(String.format("Insyn benchmarks%s, %s (Europe/Stockholm), commit %s%n%n", smoke ? " (smoke run: figures mean nothing)" : "",
                when, System.getProperty("insyn.bench.commit", "unknown")));
        out.append(String.format("Machine: %s. Load average (1 min) %.2f at the start, %.2f at the end%s.%n%n", machine(), loadAtStart,
                loadAtEnd, loadAtStart > QUIET_LOAD ? ": **LOADED, not a quiet measurement**" : ""));
        out.append("| benchmark | mode | score | error | error % | p50 | p99 | unit | ratio to baseline |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|---:|\n");
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            var primary = r.getPrimaryResult();
            Double base = baselines.get(owner(r) + params(r));
            String ratio = base == null || label.endsWith(".baseline") ? "" : String.format("%.2f", primary.getScore() / base);
            String name = label.replace("org.insyn.bench.", "") + params(r);
            // Percentiles mean something for sampled latencies; other modes leave them blank.
            boolean sampled = r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime;
            String p50 = sampled ? String.format("%.3f", primary.getStatistics().getPercentile(50)) : "";
            String p99 = sampled ? String.format("%.3f", primary.getStatistics().getPercentile(99)) : "";
            double relative = relativeError(r);
            String errorShare = Double.isInfinite(relative) ? "n/a" : String.format("%.0f %%%s", 100 * relative, relative >= MAX_ERROR ? " (!)" : "");
            out.append(String.format("| %s | %s | %.3f | %.3f | %s | %s | %s | %s | %s |%n", name, r.getParams().getMode().shortLabel(),
                    primary.getScore(), primary.getScoreError(), errorShare, p50, p99, primary.getScoreUnit(), ratio));
            // Secondary results (e.g. a peak heap counted beside the time) get a row of their own. JMH adds event
            // counters up over the iterations, which makes no sense for a peak: for those the largest one is shown.
            r.getSecondaryResults().forEach((key, result) -> {
                if (key.matches("p\\d.*") || key.equals("jfr") || key.equals("·jfr")) {
                    return; // sampled percentiles are in the columns above; a profiler's entry has no figure
                }
                boolean peak = key.startsWith("peak");
                double score = peak ? largest(r, key) : result.getScore();
                out.append(String.format("| %s:%s | %s | %.3f | %s | | | | %s | |%n", name, key, peak ? "max" : "", score,
                        peak ? "" : String.format("%.3f", result.getScoreError()), result.getScoreUnit()));
            });
        }
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        out.append("\n(!): the error is still 20 % of the score or more after measuring again; n/a: one iteration, no error bar.\n");
        return out.toString();
    }

    /** Puts the table between the markers of the document (at its end when it has none), leaving the prose around it. */
    static void write(Path doc, String table) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String section = BEGIN + "\n" + table + END;
        String updated = begin >= 0 && end > begin ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }

    /** The largest value a counter had in any one measured iteration of the run. */
    private static double largest(RunResult r, String key) {
        return r.getBenchmarkResults().stream().flatMap(b -> b.getIterationResults().stream())
                .map(i -> i.getSecondaryResults().get(key)).filter(Objects::nonNull)
                .mapToDouble(Result::getScore).max().orElse(Double.NaN);
    }
}
