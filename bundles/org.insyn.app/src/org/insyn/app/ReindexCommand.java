package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/** {@code insyn cli reindex}: rebuilds the workspace's search index from the store, showing progress. */
public final class ReindexCommand implements Command {
    private final Supplier<WorkspaceProvider> workspaces;
    private final Supplier<SearchIndexProvider> indexes;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public ReindexCommand(Supplier<WorkspaceProvider> workspaces, Supplier<SearchIndexProvider> indexes, Map<String, String> env,
            Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.indexes = indexes;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.reindex.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments.Parsed a = Arguments.parse(args, Arguments.Spec.of(List.of("--workspace", "--user"), List.of()), err, locale);
        if (a == null) {
            err.println(Messages.get(locale, "cli.reindex.usage"));
            return Cli.USAGE;
        }
        Optional<String> dir = a.get("--workspace").or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE")));
        Optional<String> user = a.get("--user");
        SearchIndex.Progress progress = (done, total) -> {
            // About twenty lines whatever the size, and always the last one.
            if (done == total || done % Math.max(1000, total / 20 / 1000 * 1000) == 0) {
                out.println(Messages.get(locale, "index.progress", done, total));
            }
        };
        Optional<WorkspaceConfig> config = WorkspaceOption.config(dir, env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        long start = System.nanoTime();
        try {
            Optional<Workspace> signedIn = WorkspaceOption.signIn(workspaces.get(), config.get(), user, env, prompt, locale, err);
            if (signedIn.isEmpty()) {
                return Cli.USAGE;
            }
            // a rebuild that the workspace's lock stops half-way leaves the index as it was (R9)
            try (Workspace ws = signedIn.get(); SearchIndex index = indexes.get().open(config.get(), ws, progress)) {
                long indexed = index.reindex(progress);
                out.println(Messages.get(locale, "index.rebuilt", indexed, (System.nanoTime() - start) / 1e9));
                return Cli.OK;
            }
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        }
    }
}
