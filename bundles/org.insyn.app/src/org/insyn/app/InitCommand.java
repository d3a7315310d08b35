package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli init [--workspace DIR] [--user ID] [--name NAME]}: the first start of a new workspace. It asks
 * for the administrator (user name, name, a password typed twice) and creates the workspace with its keys (R9).
 */
public final class InitCommand implements Command {
    private final Supplier<WorkspaceProvider> workspaces;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public InitCommand(Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "init";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.init.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = Arguments.parse(args, List.of("--workspace", "--user", "--name"), List.of(), err, locale);
        if (options == null) {
            err.println(Messages.get(locale, "cli.init.usage"));
            return Cli.USAGE;
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(Optional.ofNullable(options.get("--workspace"))
                .or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        WorkspaceProvider provider = workspaces.get();
        if (!provider.isNew(config.get())) {
            err.println(Messages.get(locale, "store.alreadyAWorkspace", config.get().directory()));
            return 1;
        }
        out.println(Messages.get(locale, "cli.init.welcome", config.get().directory()));
        Optional<String> id = WorkspaceOption.user(Optional.ofNullable(options.get("--user")), env, prompt, locale, err);
        if (id.isEmpty()) {
            return Cli.USAGE;
        }
        String name = Optional.ofNullable(options.get("--name")).or(() -> prompt.line(Messages.get(locale, "cli.prompt.name")))
                .map(String::strip).filter(n -> !n.isEmpty()).orElse(id.get());
        Optional<char[]> password = Optional.ofNullable(env.get("INSYN_PASSWORD")).map(String::toCharArray)
                .or(() -> WorkspaceOption.newPassword(id.get(), prompt, locale, err));
        if (password.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            User administrator = new User(id.get(), name, Set.of(Role.ADMINISTRATOR), Set.of(), true);
            try (Workspace ws = provider.create(config.get(), administrator, password.get())) {
                out.println(Messages.get(locale, "cli.init.done", config.get().directory(), ws.user().id()));
            }
            return Cli.OK;
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(Messages.get(locale, "cli.badId", id.get()));
            return Cli.USAGE;
        }
    }
}
