package org.insyn.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.Messages;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * The workspace a command works on and the person signing in to it (R9): the folder (--workspace or
 * INSYN_WORKSPACE), shared mode (INSYN_PG_URL, and for a new workspace INSYN_PG_USER and INSYN_PG_PASSWORD), the
 * user name (--user, INSYN_USER or asked) and the password (INSYN_PASSWORD or asked without echo; never an
 * argument, where other users of the machine could read it).
 */
final class WorkspaceOption {
    private WorkspaceOption() {
    }

    /** The configuration, or empty after saying on {@code err} what is missing. */
    static Optional<WorkspaceConfig> config(Optional<String> dir, Map<String, String> env, Locale locale, PrintStream err) {
        if (dir.isEmpty()) {
            err.println(Messages.get(locale, "cli.noWorkspace"));
            return Optional.empty();
        }
        Path directory = Path.of(dir.get()).toAbsolutePath();
        return Optional.of(new WorkspaceConfig(directory, Optional.ofNullable(env.get("INSYN_PG_URL")),
                Optional.ofNullable(env.get("INSYN_PG_USER")), Optional.ofNullable(env.get("INSYN_PG_PASSWORD")).map(String::toCharArray),
                WorkspaceConfig.DEFAULT_IDLE_LOCK));
    }

    /**
     * Signs in to an existing workspace, or returns empty after saying on {@code err} what is missing.
     *
     * @throws org.insyn.core.InsynException when the sign-in is refused (wrong password, locked account, ...)
     */
    static Optional<Workspace> signIn(WorkspaceProvider provider, WorkspaceConfig config, Optional<String> user,
            Map<String, String> env, Prompt prompt, Locale locale, PrintStream err) {
        if (provider.isNew(config)) {
            err.println(Messages.get(locale, "store.notAWorkspace", config.directory()));
            return Optional.empty();
        }
        Optional<String> name = user(user, env, prompt, locale, err);
        Optional<char[]> password = name.flatMap(n -> password(n, env, prompt, locale, err));
        if (password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(provider.signIn(config, name.get(), password.get()));
    }

    static Optional<String> user(Optional<String> user, Map<String, String> env, Prompt prompt, Locale locale, PrintStream err) {
        Optional<String> name = user.or(() -> Optional.ofNullable(env.get("INSYN_USER")))
                .or(() -> prompt.line(Messages.get(locale, "cli.prompt.user"))).map(String::strip).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            err.println(Messages.get(locale, "cli.noUser"));
        }
        return name;
    }

    static Optional<char[]> password(String user, Map<String, String> env, Prompt prompt, Locale locale, PrintStream err) {
        Optional<char[]> password = Optional.ofNullable(env.get("INSYN_PASSWORD")).map(String::toCharArray)
                .or(() -> prompt.secret(Messages.get(locale, "cli.prompt.password", user))).filter(p -> p.length > 0);
        if (password.isEmpty()) {
            err.println(Messages.get(locale, "cli.noPassword"));
        }
        return password;
    }

    /** A new password, asked twice; empty after saying why when the two differ or nothing was given. */
    static Optional<char[]> newPassword(String user, Prompt prompt, Locale locale, PrintStream err) {
        Optional<char[]> first = prompt.secret(Messages.get(locale, "cli.prompt.newPassword", user));
        Optional<char[]> again = first.flatMap(p -> prompt.secret(Messages.get(locale, "cli.prompt.repeatPassword")));
        if (again.isEmpty() || !java.util.Arrays.equals(first.get(), again.get())) {
            err.println(Messages.get(locale, again.isEmpty() ? "cli.noPassword" : "cli.passwordsDiffer"));
            return Optional.empty();
        }
        return first;
    }
}
