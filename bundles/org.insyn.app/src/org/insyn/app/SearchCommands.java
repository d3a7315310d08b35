package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SourceCheck;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;

/** The search commands of the command line: the sources on offer (and a check of each), and the query a search would send. */
public final class SearchCommands {
    private SearchCommands() {
    }

    public static List<Command> all(Supplier<SearchService> search, Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt,
            Locale locale) {
        return List.of(new Query(search, locale), new Sources(search, store, env, prompt, locale));
    }

    /** Shows the query exactly as a search would send it, with the warnings of R6 and R8; sends nothing. */
    private record Query(Supplier<SearchService> search, Locale locale) implements Command {
        @Override
        public String name() {
            return "query";
        }

        @Override
        public String summary() {
            return Messages.get(locale, "cli.query.summary");
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Arguments.Parsed a = Arguments.parse(args, Arguments.Spec.of(List.of("--name", "--city", "--district", "--terms", "--topic",
                    "--place"), List.of()), err, locale);
            if (a == null || !(a.has("--name") ^ a.has("--topic"))) {
                err.println(Messages.get(locale, "cli.query.usage"));
                return Cli.USAGE;
            }
            QueryRequest request = a.has("--topic") ? QueryRequest.outreach(a.get("--topic").orElseThrow(), a.get("--place"))
                    : QueryRequest.client(a.get("--name").orElseThrow(), a.get("--city"), a.get("--district"));
            if (!a.all("--terms").isEmpty()) {
                request = request.narrowedBy(a.all("--terms"));
            }
            try {
                BuiltQuery q = search.get().build(request);
                out.println(q.text());
                q.warnings().forEach(w -> out.println("! " + w.message(locale)));
                return Cli.OK;
            } catch (InsynException e) {
                err.println(e.message(locale));
                return 1;
            }
        }
    }

    /**
     * Lists the sources by kind with what each still needs and until when it works; {@code --check} signs in and asks
     * each source once (a harmless query, requests in the workspace's network log, R15) and says whether it works.
     */
    private static final class Sources implements Command {
        private final Supplier<SearchService> search;
        private final Supplier<WorkspaceProvider> store;
        private final Map<String, String> env;
        private final Prompt prompt;
        private final Locale locale;

        Sources(Supplier<SearchService> search, Supplier<WorkspaceProvider> store, Map<String, String> env, Prompt prompt, Locale locale) {
            this.search = search;
            this.store = store;
            this.env = env;
            this.prompt = prompt;
            this.locale = locale;
        }

        @Override
        public String name() {
            return "sources";
        }

        @Override
        public String summary() {
            return Messages.get(locale, "cli.sources.summary");
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Arguments.Parsed a = Arguments.parse(args, Arguments.Spec.of(List.of("--workspace", "--user"), List.of()).withFlags("--check"),
                    err, locale);
            if (a == null) {
                err.println(Messages.get(locale, "cli.sources.usage"));
                return Cli.USAGE;
            }
            List<SourceProvider> sources = search.get().sources();
            if (!a.has("--check")) {
                for (SourceProvider p : sources) {
                    out.printf("%-16s %-7s %s%s%s%n", p.id(), p.kind(), p.name(),
                            p.until().map(d -> " (" + Messages.get(locale, "cli.sources.until", d.toString()) + ")").orElse(""),
                            p.unavailable().map(e -> " - " + e.message(locale)).orElse(""));
                }
                return Cli.OK;
            }
            var config = WorkspaceOption.config(a.get("--workspace").or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale,
                    err);
            if (config.isEmpty()) {
                return Cli.USAGE;
            }
            try {
                Optional<Workspace> signedIn = WorkspaceOption.signIn(store.get(), config.get(), a.get("--user"), env, prompt, locale, err);
                if (signedIn.isEmpty()) {
                    return Cli.USAGE;
                }
                try (Workspace ws = signedIn.get()) {
                    out.println(Messages.get(locale, "cli.sources.checkQuery", SourceCheck.QUERY));
                    boolean allWork = true;
                    for (SourceProvider p : sources) {
                        SourceCheck.Result r = SourceCheck.check(p, ws.user().id(), ws.networkLog()::record);
                        allWork &= r.status() == SourceCheck.Status.WORKS;
                        out.printf("%-16s %s%n", p.id(), describe(r));
                    }
                    return allWork ? Cli.OK : 1;
                }
            } catch (InsynException e) {
                err.println(e.message(locale));
                return 1;
            }
        }

        private String describe(SourceCheck.Result r) {
            String why = r.problem().map(e -> e.message(locale)).orElse("");
            return switch (r.status()) {
                case WORKS -> Messages.get(locale, "cli.sources.works");
                case KEY_MISSING -> Messages.get(locale, "cli.sources.keyMissing", why);
                case KEY_REFUSED -> Messages.get(locale, "cli.sources.keyRefused", why);
                case QUOTA -> Messages.get(locale, "cli.sources.quota", why);
                case UNREACHABLE -> Messages.get(locale, "cli.sources.unreachable", why);
                case OTHER -> Messages.get(locale, "cli.sources.other", why);
            };
        }
    }
}
