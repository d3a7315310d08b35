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
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.Messages;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.Review;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.report.SubjectAccessInput;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.insyn.core.stats.Statistics;
import org.insyn.core.stats.Table;

/**
 * {@code insyn cli export report|subject|letter|stats ...}: archival PDF/A documents from the command line (R4, R11,
 * R13, R14). Options are {@code --name value}; the PDF goes to {@code --out}.
 */
public final class ExportCommand implements Command {
    private final Supplier<ReportService> reports;
    private final Supplier<WorkspaceProvider> store;
    private final Map<String, String> env;

    /** @param env where the workspace is and its passphrase: INSYN_WORKSPACE, INSYN_PASSPHRASE, INSYN_USER, INSYN_PG_* */
    public ExportCommand(Supplier<ReportService> reports, Supplier<WorkspaceProvider> store, Map<String, String> env) {
        this.reports = reports;
        this.store = store;
        this.env = env;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "report|subject|letter|stats: evidence report, subject access, transparency letter or statistics as PDF/A";
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
            case "report" -> report(options, locale, out, err);
            case "subject" -> subject(options, locale, out, err);
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
        if (o.containsKey("case")) {
            // R4: the letter given is the transparency note; recording it lets client searches in the case run.
            Optional<WorkspaceConfig> config = config(o, err);
            if (config.isEmpty()) {
                return Cli.USAGE;
            }
            try (Workspace ws = store.get().open(config.get())) {
                TransparencyNote note = session(ws, o).recordTransparencyNote(Long.parseLong(o.get("case")), date, NoticeChannel.LETTER,
                        o.get("worker"));
                out.println("transparency note " + note.id() + " recorded for case " + note.caseId());
            }
        }
        return Cli.OK;
    }

    /** R11: the evidence report of a case, or of the captures listed in {@code --captures}. */
    private int report(Map<String, String> o, Locale locale, PrintStream out, PrintStream err) throws Exception {
        Optional<WorkspaceConfig> config = config(o, err);
        if (!required(o, err, "case", "out") || config.isEmpty()) {
            return Cli.USAGE;
        }
        List<Long> captures = list(o.get("captures")).stream().map(Long::valueOf).toList();
        try (Workspace ws = store.get().open(config.get()); OutputStream pdf = Files.newOutputStream(Path.of(o.get("out")))) {
            EvidenceInput input = EvidenceInput.from(ws, session(ws, o), Long.parseLong(o.get("case")), captures, list(o.get("redact")),
                    Instant.now(), locale);
            print(out, Path.of(o.get("out")), reports.get().evidence(input, ws.blobs()::open, pdf));
        }
        return Cli.OK;
    }

    /** R14: everything held about the subject of a case, as PDF/A with the JSON embedded, and the JSON alone with {@code --json}. */
    private int subject(Map<String, String> o, Locale locale, PrintStream out, PrintStream err) throws Exception {
        Optional<WorkspaceConfig> config = config(o, err);
        if (!required(o, err, "case", "out") || config.isEmpty()) {
            return Cli.USAGE;
        }
        long caseId = Long.parseLong(o.get("case"));
        try (Workspace ws = store.get().open(config.get()); OutputStream pdf = Files.newOutputStream(Path.of(o.get("out")))) {
            Session session = session(ws, o);
            Subject subject = session.subject(caseId).orElseThrow(() -> org.insyn.core.InsynException.notFound("subject of case", caseId));
            String json = session.subjectAccess(subject.id());
            List<Justification> justifications = session.justifications(Optional.of(caseId));
            List<Review> reviews = justifications.stream().flatMap(j -> session.reviews(j.id()).stream()).toList();
            SubjectAccessInput input = new SubjectAccessInput(session.caseFile(caseId), subject, session.transparencyNote(caseId), justifications,
                    reviews, List.of(), session.captures(caseId), session.notes(caseId), ws.audit().entries(Optional.of(caseId), 0, Integer.MAX_VALUE),
                    json, session.user().id(), Instant.now(), locale);
            print(out, Path.of(o.get("out")), reports.get().subjectAccess(input, pdf));
            if (o.containsKey("json")) {
                Files.writeString(Path.of(o.get("json")), json, StandardCharsets.UTF_8);
            }
        }
        return Cli.OK;
    }

    private Optional<WorkspaceConfig> config(Map<String, String> o, PrintStream err) {
        String dir = o.getOrDefault("workspace", env.get("INSYN_WORKSPACE"));
        String passphrase = env.get("INSYN_PASSPHRASE");
        if (dir == null || passphrase == null || passphrase.isEmpty() || !o.containsKey("user") && !env.containsKey("INSYN_USER")) {
            err.println("insyn export: this needs the workspace: --workspace DIR (or INSYN_WORKSPACE), INSYN_PASSPHRASE, and --user ID (or INSYN_USER)");
            return Optional.empty();
        }
        return Optional.of(new WorkspaceConfig(Path.of(dir).toAbsolutePath(), passphrase.toCharArray(), Optional.ofNullable(env.get("INSYN_PG_URL")),
                Optional.ofNullable(env.get("INSYN_PG_USER")), Optional.ofNullable(env.get("INSYN_PG_PASSWORD")).map(String::toCharArray)));
    }

    private Session session(Workspace ws, Map<String, String> o) {
        return ws.session(o.getOrDefault("user", env.get("INSYN_USER")));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
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
        s.println("usage: insyn cli export report --case ID --out FILE.pdf [--captures ID,ID] [--redact TERM,TERM] [--lang sv|en]");
        s.println("       insyn cli export subject --case ID --out FILE.pdf [--json FILE.json] [--lang sv|en]");
        s.println("         (both with --user ID or INSYN_USER, --workspace DIR or INSYN_WORKSPACE, and INSYN_PASSPHRASE)");
        s.println("       insyn cli export letter --client NAME --unit NAME --worker NAME --contact TEXT --out FILE.pdf");
        s.println("                              [--date YYYY-MM-DD] [--lang sv|en] [--case ID: records it as the transparency note]");
        s.println("       insyn cli export stats --facts SEARCHES.csv --out FILE.pdf [--csv TABLES.csv] [--threshold N>=5]");
        s.println("                              [--title TEXT] [--lang sv|en]");
        s.println("SEARCHES.csv has one search per line: unit,reason,outcome,month (YYYY-MM),case");
    }
}
