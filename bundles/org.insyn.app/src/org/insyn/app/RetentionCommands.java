package org.insyn.app;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.RetentionRule;
import org.insyn.core.model.Subject;
import org.insyn.core.service.Erasure;
import org.insyn.core.service.Retention;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * The retention commands of the command line (R10, R14): {@code purge}, {@code hold}, {@code erase} and
 * {@code retention}. Each works as the person signed in to the workspace of {@code --workspace} or INSYN_WORKSPACE
 * ({@code --user} or INSYN_USER, INSYN_PASSWORD or asked), like {@code verify}. Exit codes: 0 done, 1 refused, failed
 * or (erase) something had to be kept, 2 bad usage.
 */
public final class RetentionCommands {
    private RetentionCommands() {
    }

    public static List<Command> all(Supplier<WorkspaceProvider> store, Supplier<SearchIndexProvider> indexes, Map<String, String> env,
            Prompt prompt, Locale locale) {
        Context context = new Context(store, indexes, env, prompt, locale);
        return List.of(new Purge(context), new Hold(context), new Erase(context), new Schedule(context));
    }

    private record Context(Supplier<WorkspaceProvider> store, Supplier<SearchIndexProvider> indexes, Map<String, String> env,
            Prompt prompt, Locale locale) {
        String text(String key, Object... args) {
            return Messages.get(locale, key, args);
        }
    }

    /** Options {@code --name value}, flags {@code --name} and words, as one command reads them. */
    private record Line(Map<String, String> options, Set<String> flags, List<String> words) {
        static Optional<Line> parse(List<String> args, Set<String> valued, Set<String> flagNames) {
            Map<String, String> options = new HashMap<>();
            Set<String> flags = new java.util.TreeSet<>();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (valued.contains(a) && i + 1 < args.size()) {
                    options.put(a.substring(2), args.get(++i));
                } else if (flagNames.contains(a)) {
                    flags.add(a.substring(2));
                } else if (!a.startsWith("--")) {
                    words.add(a);
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Line(options, flags, words));
        }

        Optional<Long> number(String name) {
            try {
                return Optional.ofNullable(options.get(name)).map(Long::valueOf);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A command that reads its line, then works in the workspace as its user; with the index open when it deletes. */
    private abstract static class WorkspaceCommand implements Command {
        final Context context;
        private final Set<String> valued;
        private final Set<String> flagNames;
        private final boolean withIndex;

        WorkspaceCommand(Context context, Set<String> valued, Set<String> flagNames, boolean withIndex) {
            this.context = context;
            this.valued = new java.util.TreeSet<>(valued);
            this.valued.addAll(Set.of("--workspace", "--user"));
            this.flagNames = flagNames;
            this.withIndex = withIndex;
        }

        @Override
        public String summary() {
            return context.text("cli." + name() + ".summary");
        }

        /** True when the line is right; else nothing is done and the usage is shown. */
        abstract boolean valid(Line line);

        abstract int work(Line line, Session session, PrintStream out);

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Optional<Line> parsed = Line.parse(args, valued, flagNames);
            if (parsed.isEmpty() || !valid(parsed.get())) {
                err.println(context.text("cli." + name() + ".usage"));
                return Cli.USAGE;
            }
            Line line = parsed.get();
            Optional<WorkspaceConfig> config = WorkspaceOption.config(
                    Optional.ofNullable(line.options().getOrDefault("workspace", context.env().get("INSYN_WORKSPACE"))),
                    context.env(), context.locale(), err);
            if (config.isEmpty()) {
                return Cli.USAGE;
            }
            try {
                Optional<Workspace> signedIn = WorkspaceOption.signIn(context.store().get(), config.get(),
                        Optional.ofNullable(line.options().get("user")), context.env(), context.prompt(), context.locale(), err);
                if (signedIn.isEmpty()) {
                    return Cli.USAGE;
                }
                try (Workspace ws = signedIn.get();
                        // the index follows what is deleted, so the text leaves it now and not at its next opening
                        SearchIndex index = withIndex ? context.indexes().get().open(config.get(), ws, (done, total) -> { }) : null) {
                    return work(line, ws.session(), out);
                }
            } catch (InsynException e) {
                err.println(e.message(context.locale()));
                return 1;
            }
        }
    }

    /** {@code purge --dry-run|--apply}: what the schedule says is due, shown or weeded. */
    private static final class Purge extends WorkspaceCommand {
        Purge(Context context) {
            super(context, Set.of(), Set.of("--dry-run", "--apply"), true);
        }

        @Override
        public String name() {
            return "purge";
        }

        @Override
        boolean valid(Line line) {
            return line.flags().size() == 1 && line.words().isEmpty();
        }

        @Override
        int work(Line line, Session session, PrintStream out) {
            Retention retention = session.retention();
            if (line.flags().contains("dry-run")) {
                Retention.Plan plan = retention.preview();
                for (Retention.Due due : plan.due()) {
                    out.println(due.caseId().isPresent()
                            ? context.text("cli.purge.case", due.caseId().get(), due.unitId(), date(due.closed().orElseThrow()),
                                    due.days(), due.notes(), due.captures(), due.hits())
                            : context.text("cli.purge.outreach", due.unitId(), due.days(), due.hits()));
                }
                plan.unitsWithoutRule().forEach(u -> out.println(context.text("cli.purge.noRule", u)));
                long notes = plan.due().stream().mapToLong(Retention.Due::notes).sum();
                long captures = plan.due().stream().mapToLong(Retention.Due::captures).sum();
                long hits = plan.due().stream().mapToLong(Retention.Due::hits).sum();
                out.println(plan.total() == 0 ? context.text("cli.purge.nothing") : context.text("cli.purge.due", notes, captures, hits));
                return Cli.OK;
            }
            Retention.Result result = retention.weed((done, total) -> {
                // about twenty lines whatever the size, and always the last one
                if (done > 0 && (done == total || done % Math.max(1000, total / 20 / 1000 * 1000) == 0)) {
                    out.println(context.text("cli.purge.progress", done, total));
                }
            });
            out.println(context.text("cli.purge.done", result.notes(), result.captures(), result.hits(), result.cases()));
            if (result.cancelled()) {
                out.println(context.text("cli.purge.cancelled"));
            }
            return Cli.OK;
        }

        private static LocalDate date(Instant at) {
            return LocalDate.ofInstant(at, ZoneId.systemDefault());
        }
    }

    /** {@code hold place|lift --case N --reason TEXT}. */
    private static final class Hold extends WorkspaceCommand {
        Hold(Context context) {
            super(context, Set.of("--case", "--reason"), Set.of(), false);
        }

        @Override
        public String name() {
            return "hold";
        }

        @Override
        boolean valid(Line line) {
            return line.words().size() == 1 && List.of("place", "lift").contains(line.words().get(0))
                    && line.number("case").isPresent() && line.options().containsKey("reason");
        }

        @Override
        int work(Line line, Session session, PrintStream out) {
            long caseId = line.number("case").orElseThrow();
            if (line.words().get(0).equals("place")) {
                session.retention().placeHold(caseId, line.options().get("reason"));
                out.println(context.text("cli.hold.placed", caseId));
            } else {
                session.retention().liftHold(caseId, line.options().get("reason"));
                out.println(context.text("cli.hold.lifted", caseId));
            }
            return Cli.OK;
        }
    }

    /** {@code erase --case N --reason TEXT}: the case's client erased on request, and why what stays must stay. */
    private static final class Erase extends WorkspaceCommand {
        Erase(Context context) {
            super(context, Set.of("--case", "--reason"), Set.of(), true);
        }

        @Override
        public String name() {
            return "erase";
        }

        @Override
        boolean valid(Line line) {
            return line.words().isEmpty() && line.number("case").isPresent() && line.options().containsKey("reason");
        }

        @Override
        int work(Line line, Session session, PrintStream out) {
            long caseId = line.number("case").orElseThrow();
            Subject subject = session.subject(caseId).orElseThrow(() -> InsynException.notFound("subject of case", caseId));
            Erasure erasure = session.erase(subject.id(), line.options().get("reason"));
            out.println(context.text("cli.erase.erased", erasure.erased(StoreEvent.Type.NOTE), erasure.erased(StoreEvent.Type.CAPTURE),
                    erasure.erased(StoreEvent.Type.SEARCH_RUN), erasure.erased(StoreEvent.Type.HIT),
                    erasure.erased(StoreEvent.Type.JUSTIFICATION)));
            if (erasure.complete()) {
                out.println(context.text("cli.erase.complete", caseId));
                return Cli.OK;
            }
            // one paragraph per reason, naming what it keeps
            Map<Erasure.Kept, List<Erasure.Item>> byReason = erasure.kept().stream()
                    .collect(Collectors.groupingBy(i -> i.kept().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
            byReason.forEach((reason, items) -> {
                out.println(context.text("cli.erase.kept", items.stream()
                        .map(i -> context.text("item." + i.type().name()) + " " + i.id()).collect(Collectors.joining(", "))));
                out.println("  " + reason.explain(context.locale()));
            });
            out.println(context.text("cli.erase.keptSummary", erasure.kept().size()));
            return 1;
        }
    }

    /** {@code retention}: the schedule of the user's units; {@code retention set --unit ID --days N|--none}. */
    private static final class Schedule extends WorkspaceCommand {
        Schedule(Context context) {
            super(context, Set.of("--unit", "--days"), Set.of("--none"), false);
        }

        @Override
        public String name() {
            return "retention";
        }

        @Override
        boolean valid(Line line) {
            if (line.words().isEmpty()) {
                return line.flags().isEmpty() && !line.options().containsKey("unit") && !line.options().containsKey("days");
            }
            return line.words().equals(List.of("set")) && line.options().containsKey("unit")
                    && (line.number("days").isPresent() ^ line.flags().contains("none"));
        }

        @Override
        int work(Line line, Session session, PrintStream out) {
            if (line.words().isEmpty()) {
                for (RetentionRule rule : session.retention().schedule()) {
                    out.println(rule.unitId() + "  " + context.text("recordClass." + rule.recordClass().name()) + ": " + describe(rule)
                            + rule.changedBy().map(by -> " (" + by + ", " + LocalDate.ofInstant(rule.changed().orElseThrow(),
                                    ZoneId.systemDefault()) + ")").orElse(""));
                }
                return Cli.OK;
            }
            Optional<Integer> days = line.number("days").map(d -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d)));
            RetentionRule rule = session.retention().setRule(line.options().get("unit"), RecordClass.MINOR_IMPORTANCE, days);
            out.println(context.text("cli.retention.set", rule.unitId(), describe(rule)));
            return Cli.OK;
        }

        private String describe(RetentionRule rule) {
            if (!rule.recordClass().mayBeWeeded()) {
                return context.text("cli.retention.never");
            }
            return rule.daysAfterClosing().map(d -> context.text("cli.retention.days", d)).orElse(context.text("cli.retention.none"));
        }
    }
}
