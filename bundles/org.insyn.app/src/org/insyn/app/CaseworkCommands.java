package org.insyn.app;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.Messages;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Subject;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.Session;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;

/**
 * The worker's and the supervisor's job from the command line: cases, the client and the transparency note,
 * justifications, searches, triage, notes and reviews. Each goes through the session, so the same policy as in the
 * workbench allows or refuses it (R1, R2, R3, R4, R8) and the audit trail records it (R16).
 */
public final class CaseworkCommands {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SWEDEN);

    private CaseworkCommands() {
    }

    public static List<Command> all(Supplier<WorkspaceProvider> store, Supplier<SearchService> search, Map<String, String> env, Prompt prompt,
            Locale locale) {
        return List.of(new CaseCommand(store, env, prompt, locale), new JustificationCommand(store, env, prompt, locale),
                new SearchCommand(store, search, env, prompt, locale), new TriageCommand(store, env, prompt, locale),
                new NoteCommand(store, env, prompt, locale), new ReviewCommand(store, env, prompt, locale));
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** {@code case list|create|close|client|told}. */
    static final class CaseCommand extends WorkspaceCommand {
        CaseCommand(Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            super("case", store, env, prompt, locale);
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of("--unit", "--title", "--case", "--name", "--city", "--district", "--relative", "--on",
                    "--channel", "--by"), List.of("action"));
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            return switch (a.get("action").orElse("")) {
                case "list" -> true;
                case "create" -> a.has("--unit") && a.has("--title");
                case "close" -> a.has("--case");
                case "client" -> a.has("--case") && a.has("--name");
                case "told" -> a.has("--case") && a.has("--on") && a.has("--channel") && a.has("--by");
                default -> false;
            };
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            Session s = ws.session();
            switch (a.get("action").orElseThrow()) {
                case "create" -> print(out, s.openCase(a.get("--unit").orElseThrow(), a.get("--title").orElseThrow()));
                case "close" -> print(out, s.closeCase(number(a, "--case")));
                case "client" -> {
                    Subject subject = s.saveSubject(number(a, "--case"), a.get("--name").orElseThrow(), a.all("--relative"), a.get("--city"),
                            a.get("--district"));
                    out.println(Messages.get(locale, "cli.case.client", subject.name(), subject.caseId()));
                }
                case "told" -> {
                    LocalDate on;
                    try {
                        on = LocalDate.parse(a.get("--on").orElseThrow());
                    } catch (DateTimeParseException e) {
                        err.println(Messages.get(locale, "cli.export.notADate", "--on", a.get("--on").orElseThrow()));
                        return usage(err);
                    }
                    var note = s.recordTransparencyNote(number(a, "--case"), on, choice(NoticeChannel.class, "--channel",
                            a.get("--channel").orElseThrow()), a.get("--by").orElseThrow());
                    out.println(Messages.get(locale, "cli.case.told", note.caseId(), on.toString()));
                }
                default -> s.cases().forEach(c -> print(out, c));
            }
            return Cli.OK;
        }

        private void print(PrintStream out, CaseFile c) {
            out.println(String.join("\t", "case " + c.id(), c.unitId(), c.title(), when(c.opened()),
                    c.closed().map(at -> Messages.get(locale, "cli.case.closed", when(at))).orElse(Messages.get(locale, "cli.case.open"))));
        }
    }

    /** {@code justification create|list}: the written reason before a search (R1). */
    static final class JustificationCommand extends WorkspaceCommand {
        JustificationCommand(Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            super("justification", store, env, prompt, locale);
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of("--case", "--unit", "--reason", "--text", "--mode"), List.of("action"));
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            return a.get("action").filter(x -> x.equals("list")).isPresent() || a.get("action").filter(x -> x.equals("create")).isPresent()
                    && a.has("--unit") && a.has("--reason") && a.has("--text") && a.has("--mode");
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            Optional<Long> caseId = a.has("--case") ? Optional.of(number(a, "--case")) : Optional.empty();
            if (a.get("action").orElseThrow().equals("list")) {
                ws.session().justifications(caseId).forEach(j -> print(out, j));
                return Cli.OK;
            }
            print(out, ws.session().justify(caseId, a.get("--unit").orElseThrow(),
                    choice(ReasonCategory.class, "--reason", a.get("--reason").orElseThrow()), a.get("--text").orElseThrow(),
                    choice(SearchMode.class, "--mode", a.get("--mode").orElseThrow())));
            return Cli.OK;
        }

        private void print(PrintStream out, Justification j) {
            out.println(String.join("\t", "justification " + j.id(), j.caseId().map(c -> "case " + c).orElse("-"), j.unitId(),
                    j.mode().name().toLowerCase(Locale.ROOT), j.reason().name().toLowerCase(Locale.ROOT), when(j.created()), j.text()));
        }
    }

    /**
     * {@code search}: a client search (--name, --city, --district, --terms) or an outreach search (--topic, --place)
     * under a justification; prints each source's outcome and the hits with their ids, for triage.
     */
    static final class SearchCommand extends WorkspaceCommand {
        private final Supplier<SearchService> search;

        SearchCommand(Supplier<WorkspaceProvider> store, Supplier<SearchService> search, Map<String, String> env, Prompt prompt,
                Locale locale) {
            super("search", store, env, prompt, locale);
            this.search = search;
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of("--justification", "--name", "--city", "--district", "--terms", "--topic", "--place",
                    "--sources"), List.of());
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            return a.has("--justification") && (a.has("--name") ^ a.has("--topic"));
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            long justification = number(a, "--justification");
            SearchService service = search.get();
            BuiltQuery query = service.build(request(a));
            query.warnings().forEach(w -> err.println("! " + w.message(locale)));
            List<String> sources = a.get("--sources").map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                    .orElseGet(() -> service.sources().stream().filter(p -> p.unavailable().isEmpty()).map(SourceProvider::id).toList());
            out.println(Messages.get(locale, "cli.search.query", query.text()));
            SearchService.Outcome outcome = service.search(ws.session(), ws.networkLog(), justification, query, sources,
                    new SearchService.Listener() {
                    });
            List<String> failed = new ArrayList<>();
            outcome.sources().values().stream().sorted(java.util.Comparator.comparing(SearchService.SourceResult::sourceId)).forEach(r -> {
                out.println(r.failure().map(f -> Messages.get(locale, "cli.search.sourceFailed", r.sourceId(), f.message(locale)))
                        .orElse(Messages.get(locale, "cli.search.sourceOk", r.sourceId(), r.hits())));
                r.failure().ifPresent(f -> failed.add(r.sourceId()));
            });
            for (Hit h : outcome.hits()) {
                out.println(String.join("\t", "hit " + h.id(), h.source(), h.title(), h.url()));
            }
            out.println(Messages.get(locale, "cli.search.done", outcome.run().id(), outcome.hits().size()));
            return failed.size() == sources.size() && !sources.isEmpty() ? 1 : Cli.OK;
        }

        private static QueryRequest request(Arguments.Parsed a) {
            QueryRequest request = a.has("--topic") ? QueryRequest.outreach(a.get("--topic").orElseThrow(), a.get("--place"))
                    : QueryRequest.client(a.get("--name").orElseThrow(), a.get("--city"), a.get("--district"));
            return a.all("--terms").isEmpty() ? request : request.narrowedBy(a.all("--terms"));
        }
    }

    /** {@code triage HIT relevant|irrelevant} (R3): an irrelevant hit is deleted everywhere. */
    static final class TriageCommand extends WorkspaceCommand {
        TriageCommand(Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            super("triage", store, env, prompt, locale);
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of(), List.of("hit", "relevance"));
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            return a.get("relevance").filter(r -> r.equals("relevant") || r.equals("irrelevant")).isPresent() && a.has("hit");
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            Relevance relevance = a.get("relevance").orElseThrow().equals("relevant") ? Relevance.RELEVANT : Relevance.IRRELEVANT;
            long id = number(a, "hit");
            ws.session().triage(id, relevance);
            out.println(Messages.get(locale, relevance == Relevance.RELEVANT ? "cli.triage.relevant" : "cli.triage.irrelevant", id));
            return Cli.OK;
        }
    }

    /** {@code note add|list}: a worker's notes in a case, linked to findings (R10 class). */
    static final class NoteCommand extends WorkspaceCommand {
        NoteCommand(Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            super("note", store, env, prompt, locale);
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of("--case", "--text", "--class", "--hit"), List.of("action"));
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            String action = a.get("action").orElse("");
            return a.has("--case") && (action.equals("list") || action.equals("add") && a.has("--text"));
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            long caseId = number(a, "--case");
            if (a.get("action").orElseThrow().equals("add")) {
                List<Long> hits = new ArrayList<>();
                for (String h : a.all("--hit")) {
                    hits.add(number(new Arguments.Parsed(Map.of("--hit", List.of(h))), "--hit"));
                }
                RecordClass recordClass = a.get("--class").map(c -> choice(RecordClass.class, "--class", c)).orElse(RecordClass.CLIENT_FILE);
                Instant now = Instant.now();
                Note note = ws.session().saveNote(new Note(0, caseId, ws.user().id(), a.get("--text").orElseThrow(), recordClass, hits,
                        List.of(), now, now));
                print(out, note);
            } else {
                ws.session().notes(caseId).forEach(n -> print(out, n));
            }
            return Cli.OK;
        }

        private static void print(PrintStream out, Note n) {
            out.println(String.join("\t", "note " + n.id(), "case " + n.caseId(), n.authorId(), when(n.modified()),
                    n.recordClass().name().toLowerCase(Locale.ROOT), n.text()));
        }
    }

    /** {@code review list|approve|reject}: the supervisor's four-eyes review of justifications (R2). */
    static final class ReviewCommand extends WorkspaceCommand {
        ReviewCommand(Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            super("review", store, env, prompt, locale);
        }

        @Override
        protected Arguments.Spec spec() {
            return Arguments.Spec.of(List.of("--comment"), List.of("action", "justification"));
        }

        @Override
        protected boolean complete(Arguments.Parsed a) {
            String action = a.get("action").orElse("");
            return action.equals("list") || (action.equals("approve") || action.equals("reject")) && a.has("justification");
        }

        @Override
        protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
            String action = a.get("action").orElseThrow();
            if (action.equals("list")) {
                for (Justification j : ws.session().reviewQueue()) {
                    out.println(String.join("\t", "justification " + j.id(), j.caseId().map(c -> "case " + c).orElse("-"), j.authorId(),
                            j.mode().name().toLowerCase(Locale.ROOT), j.reason().name().toLowerCase(Locale.ROOT), when(j.created()), j.text()));
                }
                return Cli.OK;
            }
            Review r = ws.session().review(number(a, "justification"),
                    action.equals("approve") ? ReviewDecision.APPROVE : ReviewDecision.REJECT, a.get("--comment").orElse(""));
            out.println(Messages.get(locale, action.equals("approve") ? "cli.review.approved" : "cli.review.rejected", r.justificationId()));
            return Cli.OK;
        }
    }
}
