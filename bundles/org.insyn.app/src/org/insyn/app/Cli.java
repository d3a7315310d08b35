package org.insyn.app;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insyn.core.Messages;

/**
 * Dispatches {@code insyn cli COMMAND ARGS...} to its command; usage on no or unknown command, in the person's
 * language. A command is registered by handing it to the constructor (see {@code CliApplication}); a command that
 * works in a workspace extends {@link WorkspaceCommand}.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final String version;
    private final Locale locale;

    public Cli(String version, List<Command> commands) {
        this(version, commands, Locale.ENGLISH);
    }

    public Cli(String version, List<Command> commands, Locale locale) {
        this.version = version;
        this.locale = locale;
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("--help", "-h", "help").contains(args.get(0))) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? USAGE : OK;
        }
        if (args.get(0).equals("--version")) {
            out.println("Insyn " + version);
            return OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println(Messages.get(locale, "cli.unknownCommand", args.get(0)));
            return USAGE;
        }
        if (args.size() == 2 && List.of("--help", "-h").contains(args.get(1))) {
            // every command answers --help, as docs/CLI.md promises
            out.println("usage: insyn cli " + command.name() + " [ARGS...]");
            out.println("  " + command.summary());
            return OK;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (Exception e) {
            err.println(Messages.get(locale, "cli.failed", command.name(), e.getMessage()));
            return 1;
        }
    }

    private void usage(PrintStream s) {
        s.println(Messages.get(locale, "cli.usage.title", version));
        s.println();
        s.println(Messages.get(locale, "cli.usage.line"));
        s.println();
        if (commands.isEmpty()) {
            s.println(Messages.get(locale, "cli.usage.none"));
        } else {
            s.println(Messages.get(locale, "cli.usage.commands"));
            commands.values().forEach(c -> s.printf("  %-12s %s%n", c.name(), c.summary()));
        }
    }
}
