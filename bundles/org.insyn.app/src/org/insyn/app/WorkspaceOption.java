package org.insyn.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.Messages;
import org.insyn.core.service.WorkspaceConfig;

/**
 * The workspace a command works on: its folder (--workspace or INSYN_WORKSPACE), the passphrase from
 * INSYN_PASSPHRASE, and shared mode from INSYN_PG_URL, INSYN_PG_USER and INSYN_PG_PASSWORD.
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
        if (!Files.isRegularFile(directory.resolve("insyn-keys.properties"))) {
            err.println(Messages.get(locale, "cli.notAWorkspace", directory));
            return Optional.empty();
        }
        String passphrase = env.get("INSYN_PASSPHRASE");
        if (passphrase == null || passphrase.isEmpty()) {
            err.println(Messages.get(locale, "cli.noPassphrase"));
            return Optional.empty();
        }
        return Optional.of(new WorkspaceConfig(directory, passphrase.toCharArray(), Optional.ofNullable(env.get("INSYN_PG_URL")),
                Optional.ofNullable(env.get("INSYN_PG_USER")), Optional.ofNullable(env.get("INSYN_PG_PASSWORD")).map(String::toCharArray)));
    }
}
