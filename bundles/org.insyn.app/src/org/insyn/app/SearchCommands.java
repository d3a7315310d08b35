package org.insyn.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SourceProvider;

/** The search commands of the command line: the sources on offer, and the query a search would send. */
final class SearchCommands {
    private SearchCommands() {
    }

    static List<Command> all(Supplier<SearchService> search) {
        return List.of(new Query(search), new Sources(search));
    }

    /** Shows the query exactly as a search would send it, with the warnings of R6 and R8; sends nothing. */
    private record Query(Supplier<SearchService> search) implements Command {
        @Override
        public String name() {
            return "query";
        }

        @Override
        public String summary() {
            return "show the query a search would send: --name N [--city C] [--district D] [--terms T...] | --topic T [--place P]";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Map<String, String> opts = new HashMap<>();
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String key = args.get(i);
                if (!key.startsWith("--") || i + 1 >= args.size()) {
                    err.println("insyn query: expected --option value, got '" + key + "'");
                    return Cli.USAGE;
                }
                if (key.equals("--terms")) {
                    terms.add(args.get(++i));
                } else {
                    opts.put(key.substring(2), args.get(++i));
                }
            }
            QueryRequest request = opts.containsKey("topic")
                    ? QueryRequest.outreach(opts.get("topic"), Optional.ofNullable(opts.get("place")))
                    : QueryRequest.client(opts.getOrDefault("name", ""), Optional.ofNullable(opts.get("city")),
                            Optional.ofNullable(opts.get("district")));
            if (!terms.isEmpty()) {
                request = request.narrowedBy(terms);
            }
            try {
                BuiltQuery q = search.get().build(request);
                out.println(q.text());
                q.warnings().forEach(w -> out.println("! " + w.message(Locale.getDefault())));
                return Cli.OK;
            } catch (InsynException e) {
                err.println(e.message(Locale.getDefault()));
                return 1;
            }
        }
    }

    /** Lists the sources by kind, and why one cannot be asked now. */
    private record Sources(Supplier<SearchService> search) implements Command {
        @Override
        public String name() {
            return "sources";
        }

        @Override
        public String summary() {
            return "list the sources a search can ask, and what each still needs";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            for (SourceProvider p : search.get().sources()) {
                out.printf("%-16s %-7s %s%s%n", p.id(), p.kind(), p.name(),
                        p.unavailable().map(e -> " - " + e.message(Locale.getDefault())).orElse(""));
            }
            return Cli.OK;
        }
    }
}
