package org.insyn.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.redact.Redactor;
import org.insyn.core.report.ArchiveInput;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.report.SubjectAccessInput;
import org.insyn.core.report.YearlyArchive;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.Statistics;
import org.insyn.core.stats.Table;

/**
 * {@code insyn cli export report|letter|stats|subject|archive ...}: the archival PDF/A documents from the command line
 * (R4, R11, R13, R14). Options are {@code --name value}; the PDF goes to {@code --out}. The workspace and the person
 * signing in come from {@link WorkspaceOption} ({@code --user} or INSYN_USER, INSYN_PASSWORD or asked).
 */
public final class ExportCommand implements Command {
    private final Supplier<ReportService> reports;
    private final Supplier<WorkspaceProvider> store;
    private final Supplier<CaptureService> captures;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public ExportCommand(Supplier<ReportService> reports, Supplier<WorkspaceProvider> store, Supplier<CaptureService> captures,
            Map<String, String> env, Prompt prompt, Locale locale) {
        this.reports = reports;
        this.store = store;
        this.captures = captures;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.export.summary");
    }

    /** A problem with the command line: said on the error stream, exit code {@link Cli#USAGE}. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        try {
            if (args.isEmpty()) {
                throw new Usage("");
            }
            Options o = new Options(args.subList(1, args.size()));
            return switch (args.get(0)) {
                case "report" -> report(o, out, err);
                case "letter" -> letter(o, out, err);
                case "stats" -> stats(o, out, err);
                case "subject" -> subject(o, out, err);
                case "archive" -> archive(o, out, err);
                default -> throw new Usage(Messages.get(locale, "cli.export.unknown", args.get(0)));
            };
        } catch (Usage e) {
            if (!e.getMessage().isEmpty()) {
                err.println(e.getMessage());
            }
            err.println(Messages.get(locale, "cli.export.usage"));
            return Cli.USAGE;
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        }
    }

    // ---- the documents ---------------------------------------------------------------------------------------

    /** R11: the evidence report of a case, or of the captures listed in {@code --captures}. */
    private int report(Options o, PrintStream out, PrintStream err) throws Exception {
        o.require("case", "out");
        long caseId = o.number("case");
        List<Long> selected = o.numbers("captures");
        try (Workspace ws = open(o, err)) {
            Session session = ws.session();
            EvidenceInput input = EvidenceInput.from(ws, session, caseId, selected, o.list("redact"), Instant.now(), o.documentLocale());
            exported(out, session, Optional.of(caseId), "evidence-report", o.path("out"),
                    write(o.path("out"), pdf -> reports.get().evidence(input, ws.blobs()::open, pdf)));
        }
        return Cli.OK;
    }

    /** R4: the letter to the client; with {@code --case} it is recorded as the case's transparency note. */
    private int letter(Options o, PrintStream out, PrintStream err) throws Exception {
        o.require("client", "unit", "worker", "contact", "out");
        LocalDate date = o.date("date").orElse(LocalDate.now());
        Optional<Long> caseId = o.has("case") ? Optional.of(o.number("case")) : Optional.empty();
        LetterInput input = new LetterInput(o.get("client"), o.get("unit"), o.get("worker"), o.get("contact"), date, o.documentLocale());
        if (caseId.isEmpty()) {
            written(out, o.path("out"), write(o.path("out"), pdf -> reports.get().letter(input, pdf)));
            return Cli.OK;
        }
        // R4: the letter given is the transparency note; recording it lets client searches in the case run. The case is
        // checked before the letter is written, and the note recorded only once the letter is.
        try (Workspace ws = open(o, err)) {
            Session session = ws.session();
            session.caseFile(caseId.get());
            exported(out, session, caseId, "transparency-letter", o.path("out"), write(o.path("out"), pdf -> reports.get().letter(input, pdf)));
            TransparencyNote note = session.recordTransparencyNote(caseId.get(), date, NoticeChannel.LETTER, o.get("worker"));
            out.println(Messages.get(locale, "cli.export.noteRecorded", note.id(), note.caseId()));
        }
        return Cli.OK;
    }

    /**
     * R13: the searches of the supervisor's units by unit, reason, outcome and month, every cell under the threshold
     * hidden with the cells that would give it away; as PDF and, with {@code --csv}, as CSV tables.
     */
    private int stats(Options o, PrintStream out, PrintStream err) throws Exception {
        o.require("out");
        Optional<YearMonth> from = o.month("from");
        Optional<YearMonth> to = o.month("to");
        Statistics statistics = new Statistics(o.has("threshold") ? Math.toIntExact(o.number("threshold")) : Statistics.MINIMUM_THRESHOLD);
        Locale document = o.documentLocale();
        try (Workspace ws = open(o, err)) {
            Session session = ws.session();
            List<SearchFact> facts = session.searchFacts(ZoneId.systemDefault()).stream()
                    .filter(f -> from.map(m -> !f.month().isBefore(m)).orElse(true) && to.map(m -> !f.month().isAfter(m)).orElse(true))
                    .toList();
            List<Table> tables = statistics.export(facts);
            Optional<YearMonth> first = from.or(() -> facts.stream().map(SearchFact::month).min(YearMonth::compareTo));
            Optional<YearMonth> last = to.or(() -> facts.stream().map(SearchFact::month).max(YearMonth::compareTo));
            String period = first.isPresent() && last.isPresent() ? first.get() + " – " + last.get() : "";
            String title = o.get("title", Messages.get(document, "cli.export.statsTitle", period).strip());
            StatisticsInput input = new StatisticsInput(title, tables, statistics.threshold(), session.user().id(), Instant.now(), document);
            exported(out, session, Optional.empty(), "statistics", o.path("out"), write(o.path("out"), pdf -> reports.get().statistics(input, pdf)));
            out.println(Messages.get(locale, "cli.export.searches", facts.size()));
            if (o.has("csv")) {
                String total = Messages.get(document, "cli.export.total");
                String csv = tables.stream().map(t -> t.toCsv(total, "-")).collect(Collectors.joining("\n"));
                session.recordExport(Optional.empty(), "statistics-csv", write(o.path("csv"), csv.getBytes(StandardCharsets.UTF_8)));
                out.println(Messages.get(locale, "cli.export.csv", o.path("csv")));
            }
        }
        return Cli.OK;
    }

    /**
     * R14: everything held about the subject of a case as PDF/A with the JSON embedded, and the JSON alone with
     * {@code --json}; other people's details scrubbed (R12), and the terms of {@code --redact} too.
     */
    private int subject(Options o, PrintStream out, PrintStream err) throws Exception {
        o.require("case", "out");
        long caseId = o.number("case");
        try (Workspace ws = open(o, err)) {
            Session session = ws.session();
            Subject subject = session.subject(caseId).orElseThrow(() -> InsynException.notFound("subject of case", caseId));
            SubjectAccessInput input = new SubjectAccessInput(session.subjectAccess(subject.id()), o.list("redact"), o.documentLocale());
            exported(out, session, Optional.of(caseId), "subject-access", o.path("out"),
                    write(o.path("out"), pdf -> reports.get().subjectAccess(input, pdf)));
            if (o.has("json")) {
                session.recordExport(Optional.of(caseId), "subject-access-json",
                        write(o.path("json"), reports.get().subjectAccessJson(input).getBytes(StandardCharsets.UTF_8)));
                out.println(Messages.get(locale, "cli.export.json", o.path("json")));
            }
        }
        return Cli.OK;
    }

    /**
     * R11: captures the service's own pages listed in {@code --urls} with Chromium into the unit's archive case of the
     * year (or {@code --case} under {@code --justification}) and writes them as one dated PDF/A. A page that cannot be
     * captured is listed in the archive with the reason and makes the exit code 1.
     */
    private int archive(Options o, PrintStream out, PrintStream err) throws Exception {
        o.require("urls", "out");
        if (!o.has("unit")) {
            o.require("case", "justification");
        }
        List<URI> urls = urls(o.path("urls"));
        int year = o.has("year") ? Math.toIntExact(o.number("year")) : Year.now().getValue();
        Locale document = o.documentLocale();
        try (Workspace ws = open(o, err)) {
            Session session = ws.session();
            YearlyArchive.Target target = o.has("unit") ? YearlyArchive.target(session, o.get("unit"), year)
                    : new YearlyArchive.Target(o.number("case"), o.number("justification"));
            out.println(Messages.get(locale, "cli.export.archive.target", target.caseId(), target.justificationId()));
            String unitId = session.caseFile(target.caseId()).unitId();
            String service = o.get("service", ws.units().stream().filter(u -> u.id().equals(unitId)).map(Unit::name).findFirst().orElse(unitId));
            ArchiveInput input = YearlyArchive.capture(ws, session, captures.get(), target, urls, year, service, document,
                    new YearlyArchive.Progress() {
                        @Override
                        public void capturing(int index, int total, URI url) {
                            out.println(Messages.get(locale, "cli.export.archive.capturing", index, total, url));
                        }

                        @Override
                        public void captured(Capture c) {
                            out.println(Messages.get(locale, "cli.export.archive.captured", c.id(), c.httpStatus()));
                        }

                        @Override
                        public void missed(ArchiveInput.Missed m) {
                            out.println(Messages.get(locale, "cli.export.archive.missed", m.reason()));
                        }
                    });
            exported(out, session, Optional.of(target.caseId()), "yearly-archive", o.path("out"),
                    write(o.path("out"), pdf -> reports.get().archive(input, ws.blobs()::open, pdf)));
            if (!input.missed().isEmpty()) {
                err.println(Messages.get(locale, "cli.export.archive.missedSome", input.missed().size(), urls.size()));
                return 1;
            }
        }
        return Cli.OK;
    }

    /** One http(s) address per line; blank lines and lines starting with # are skipped. */
    private List<URI> urls(Path file) throws IOException, Usage {
        List<URI> urls = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                URI url = new URI(line);
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                    throw new URISyntaxException(line, "not http(s)");
                }
                urls.add(url);
            } catch (URISyntaxException e) {
                throw new Usage(Messages.get(locale, "cli.export.archive.badUrl", i + 1, file, line));
            }
        }
        if (urls.isEmpty()) {
            throw new Usage(Messages.get(locale, "cli.export.archive.noUrls", file));
        }
        return urls;
    }

    // ---- workspace and output ------------------------------------------------------------------------------

    private Workspace open(Options o, PrintStream err) throws Usage {
        Optional<WorkspaceConfig> config = WorkspaceOption.config(Optional.ofNullable(o.get("workspace", env.get("INSYN_WORKSPACE"))), env,
                locale, err);
        if (config.isEmpty()) {
            throw new Usage("");
        }
        return WorkspaceOption.signIn(store.get(), config.get(), Optional.ofNullable(o.get("user")), env, prompt, locale, err)
                .orElseThrow(() -> new Usage(""));
    }

    private static Session session(Workspace ws, Options o) {
        return ws.session();
    }

    private interface Writer<T> {
        T write(OutputStream out) throws IOException;
    }

    /** Writes beside the file and moves it into place, so that a failed export leaves no partial file behind. */
    private static <T> T write(Path file, Writer<T> writer) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            throw InsynException.invalid("cli.export.noFolder", absolute.getParent(), absolute.getFileName());
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
            T result;
            try (OutputStream out = Files.newOutputStream(partial)) {
                result = writer.write(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new InsynException(InsynException.Kind.INVALID, Optional.empty(), e, "cli.export.cannotWrite", absolute);
        } finally {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Writes the bytes as {@link #write(Path, Writer)} does and returns their SHA-256. */
    private static String write(Path file, byte[] bytes) throws IOException {
        write(file, out -> {
            out.write(bytes);
            return null;
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** R16: the document is on the trail with its hash before the command says it is done. */
    private void exported(PrintStream out, Session session, Optional<Long> caseId, String what, Path file, ReportResult result) {
        session.recordExport(caseId, what, result.sha256());
        written(out, file, result);
    }

    private void written(PrintStream out, Path file, ReportResult result) {
        out.println(Messages.get(locale, "cli.export.written", file, result.pages(), result.sha256()));
        if (!result.redacted().isEmpty()) {
            out.println(Messages.get(locale, "cli.export.redacted", Redactor.summary(result.redacted(), locale)));
        }
    }

    /** {@code --name value} pairs. */
    private final class Options {
        private final Map<String, String> values = new HashMap<>();

        Options(List<String> args) throws Usage {
            for (int i = 0; i < args.size(); i += 2) {
                if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                    throw new Usage(Messages.get(locale, "cli.export.badOption", args.get(i)));
                }
                values.put(args.get(i).substring(2), args.get(i + 1));
            }
        }

        void require(String... names) throws Usage {
            List<String> missing = Arrays.stream(names).filter(n -> !values.containsKey(n)).map(n -> "--" + n).toList();
            if (!missing.isEmpty()) {
                throw new Usage(Messages.get(locale, "cli.export.missing", String.join(", ", missing)));
            }
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name) {
            return values.get(name);
        }

        String get(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        Path path(String name) {
            return Path.of(values.get(name));
        }

        List<String> list(String name) {
            return values.containsKey(name)
                    ? Arrays.stream(values.get(name).split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()
                    : List.of();
        }

        long number(String name) throws Usage {
            return number(name, values.get(name));
        }

        List<Long> numbers(String name) throws Usage {
            List<Long> numbers = new ArrayList<>();
            for (String n : list(name)) {
                numbers.add(number(name, n));
            }
            return numbers;
        }

        private long number(String name, String value) throws Usage {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new Usage(Messages.get(locale, "cli.export.notANumber", "--" + name, value));
            }
        }

        Optional<YearMonth> month(String name) throws Usage {
            try {
                return Optional.ofNullable(values.get(name)).map(YearMonth::parse);
            } catch (DateTimeParseException e) {
                throw new Usage(Messages.get(locale, "cli.export.notAMonth", "--" + name, values.get(name)));
            }
        }

        Optional<LocalDate> date(String name) throws Usage {
            try {
                return Optional.ofNullable(values.get(name)).map(LocalDate::parse);
            } catch (DateTimeParseException e) {
                throw new Usage(Messages.get(locale, "cli.export.notADate", "--" + name, values.get(name)));
            }
        }

        /** The language of the document: {@code --lang sv|en}, else the language of the command line. */
        Locale documentLocale() throws Usage {
            return switch (values.getOrDefault("lang", locale.getLanguage())) {
                case "sv" -> Messages.SWEDISH;
                case "en" -> Locale.ENGLISH;
                default -> throw new Usage(Messages.get(locale, "cli.export.badLanguage", values.get("lang")));
            };
        }
    }
}
