package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * The base of a command that works in a signed-in workspace: its name, its summary and usage from the messages
 * ({@code cli.NAME.summary}, {@code cli.NAME.usage}), one argument parser ({@link Arguments}) with
 * {@code --workspace DIR} (or INSYN_WORKSPACE) and {@code --user ID} added, the sign-in (see {@link WorkspaceOption})
 * and errors said in the person's language. Everything the command does goes through the session, so the same
 * policy allows or refuses it and the audit trail records it as in the workbench.
 */
public abstract class WorkspaceCommand implements Command {
    protected final Supplier<WorkspaceProvider> workspaces;
    protected final Map<String, String> env;
    protected final Prompt prompt;
    protected final Locale locale;
    private final String name;

    protected WorkspaceCommand(String name, Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt,
            Locale locale) {
        this.name = name;
        this.workspaces = workspaces;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli." + name + ".summary");
    }

    /** What the command takes besides --workspace and --user. */
    protected abstract Arguments.Spec spec();

    /** Whether the parsed line is complete; when not, the usage is shown and nothing is opened. */
    protected boolean complete(Arguments.Parsed args) {
        return true;
    }

    /** Does the work in the signed-in workspace; the workspace is closed afterwards. */
    protected abstract int run(Workspace workspace, Arguments.Parsed args, PrintStream out, PrintStream err) throws Exception;

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments.Parsed parsed = Arguments.parse(args, spec().withOptions("--workspace", "--user"), err, locale);
        if (parsed == null || !complete(parsed)) {
            return usage(err);
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(parsed.get("--workspace")
                .or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            Optional<Workspace> signedIn = WorkspaceOption.signIn(workspaces.get(), config.get(), parsed.get("--user"), env, prompt,
                    locale, err);
            if (signedIn.isEmpty()) {
                return Cli.USAGE;
            }
            try (Workspace workspace = signedIn.get()) {
                return run(workspace, parsed, out, err);
            }
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        } catch (NumberOrWord e) {
            err.println(e.getMessage());
            return usage(err);
        }
    }

    protected final int usage(PrintStream err) {
        err.println(Messages.get(locale, "cli." + name + ".usage"));
        return Cli.USAGE;
    }

    /** The number an option or word holds; a word where a number belongs is a usage error. */
    protected final long number(Arguments.Parsed args, String option) {
        String value = args.get(option).orElse("");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NumberOrWord(Messages.get(locale, "cli.export.notANumber", option, value));
        }
    }

    /** One of a closed set, written in any case; anything else is a usage error naming the choices. */
    protected final <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return e;
            }
        }
        throw new NumberOrWord(Messages.get(locale, "cli.badChoice", option, value,
                String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList())));
    }

    /** A value of the wrong kind on the command line. */
    protected static final class NumberOrWord extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NumberOrWord(String message) {
            super(message);
        }
    }
}
