package org.insyn.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.Messages;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.service.ReportService;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.insyn.core.stats.Statistics;
import org.insyn.core.stats.Table;

/**
 * {@code insyn cli export letter|stats ...}: archival PDF/A documents from the command line (R4, R11, R13).
 * Options are {@code --name value}; the PDF goes to {@code --out}.
 */
public final class ExportCommand implements Command {
    private final Supplier<ReportService> reports;

    public ExportCommand(Supplier<ReportService> reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "letter|stats: write a transparency letter or statistics as PDF/A";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            usage(err);
            return Cli.USAGE;
        }
        Map<String, String> options = options(args.subList(1, args.size()), err);
        if (options == null) {
            return Cli.USAGE;
        }
        Locale locale = "en".equals(options.getOrDefault("lang", "sv")) ? Locale.ENGLISH : Messages.SWEDISH;
        return switch (args.get(0)) {
            case "letter" -> letter(options, locale, out, err);
            case "stats" -> stats(options, locale, out, err);
            default -> {
                usage(err);
                yield Cli.USAGE;
            }
        };
    }

    /** R4: the letter to the client. */
    private int letter(Map<String, String> o, Locale locale, PrintStream out, PrintStream err) throws Exception {
        if (!required(o, err, "client", "unit", "worker", "contact", "out")) {
            return Cli.USAGE;
        }
        LocalDate date = o.containsKey("date") ? LocalDate.parse(o.get("date")) : LocalDate.now();
        LetterInput input = new LetterInput(o.get("client"), o.get("unit"), o.get("worker"), o.get("contact"), date, locale);
        Path file = Path.of(o.get("out"));
        try (OutputStream pdf = Files.newOutputStream(file)) {
            print(out, file, reports.get().letter(input, pdf));
        }
        return Cli.OK;
    }

    /**
     * R13: statistics from a CSV of searches ({@code unit,reason,outcome,month,case} per line), written as a PDF
     * and, with {@code --csv}, as suppressed CSV tables.
     */
    private int stats(Map<String, String> o, Locale locale, PrintStream out, PrintStream err) throws Exception {
        if (!required(o, err, "facts", "out")) {
            return Cli.USAGE;
        }
        List<SearchFact> facts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o.get("facts")), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("unit,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                err.println("insyn export stats: expected unit,reason,outcome,month,case but got: " + line);
                return 1;
            }
            facts.add(new SearchFact(f[0].strip(), ReasonCategory.valueOf(f[1].strip()), SearchOutcome.valueOf(f[2].strip()),
                    YearMonth.parse(f[3].strip()), f[4].strip()));
        }
        Statistics statistics = new Statistics(Integer.parseInt(o.getOrDefault("threshold", String.valueOf(Statistics.MINIMUM_THRESHOLD))));
        List<Table> tables = statistics.export(facts);
        String title = o.getOrDefault("title", locale == Locale.ENGLISH ? "Information searches" : "Informationssökningar");
        Path file = Path.of(o.get("out"));
        try (OutputStream pdf = Files.newOutputStream(file)) {
            print(out, file, reports.get().statistics(new StatisticsInput(title, tables, statistics.threshold(),
                    System.getProperty("user.name", "insyn"), Instant.now(), locale), pdf));
        }
        if (o.containsKey("csv")) {
            String total = locale == Locale.ENGLISH ? "total" : "totalt";
            Files.writeString(Path.of(o.get("csv")), tables.stream().map(t -> t.toCsv(total, "-")).collect(Collectors.joining("\n")),
                    StandardCharsets.UTF_8);
        }
        return Cli.OK;
    }

    private static void print(PrintStream out, Path file, ReportResult result) {
        out.println(file + ": " + result.pages() + (result.pages() == 1 ? " page" : " pages") + ", PDF/A-3b, SHA-256 " + result.sha256());
    }

    private static Map<String, String> options(List<String> args, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                err.println("insyn export: options are --name value; '" + args.get(i) + "' is not");
                return null;
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return options;
    }

    private static boolean required(Map<String, String> options, PrintStream err, String... names) {
        List<String> missing = java.util.Arrays.stream(names).filter(n -> !options.containsKey(n)).map(n -> "--" + n).toList();
        if (!missing.isEmpty()) {
            err.println("insyn export: missing " + String.join(", ", missing));
        }
        return missing.isEmpty();
    }

    private static void usage(PrintStream s) {
        s.println("usage: insyn cli export letter --client NAME --unit NAME --worker NAME --contact TEXT --out FILE.pdf");
        s.println("                              [--date YYYY-MM-DD] [--lang sv|en]");
        s.println("       insyn cli export stats --facts SEARCHES.csv --out FILE.pdf [--csv TABLES.csv] [--threshold N>=5]");
        s.println("                              [--title TEXT] [--lang sv|en]");
        s.println("SEARCHES.csv has one search per line: unit,reason,outcome,month (YYYY-MM),case");
    }
}
