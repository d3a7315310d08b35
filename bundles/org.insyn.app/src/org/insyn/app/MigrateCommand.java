package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli migrate}: once, an administrator moves a shared folder's account keys and blobs into the shared
 * database (R9), after which every workstation needs only the database's address and a local folder.
 */
public final class MigrateCommand implements Command {
    private final Supplier<WorkspaceProvider> workspaces;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public MigrateCommand(Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.migrate.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = Arguments.parse(args, List.of("--workspace", "--user"), List.of(), err, locale);
        if (o == null) {
            err.println(Messages.get(locale, "cli.migrate.usage"));
            return Cli.USAGE;
        }
        if (!env.containsKey("INSYN_PG_URL")) {
            err.println(Messages.get(locale, "cli.migrate.noDatabase"));
            return Cli.USAGE;
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(Optional.ofNullable(o.get("--workspace"))
                .or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale, err);
        Optional<String> user = config.flatMap(c -> WorkspaceOption.user(Optional.ofNullable(o.get("--user")), env, prompt, locale, err));
        Optional<char[]> password = user.flatMap(u -> WorkspaceOption.password(u, env, prompt, locale, err));
        if (password.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            WorkspaceProvider.Moved moved = workspaces.get().moveIntoDatabase(config.get(), user.get(), password.get());
            out.println(Messages.get(locale, "cli.migrate.done", moved.accounts(), moved.blobs()));
            return Cli.OK;
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        }
    }
}
