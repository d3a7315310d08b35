package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli unit list|save}: the units whose people see each other's cases (R9), and whether a search waits
 * for a supervisor's review (R2). Saving is an administrator's, and audited.
 */
public final class UnitCommand extends WorkspaceCommand {
    public UnitCommand(Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt, Locale locale) {
        super("unit", workspaces, env, prompt, locale);
    }

    @Override
    protected Arguments.Spec spec() {
        return Arguments.Spec.of(List.of("--name", "--review"), List.of("action", "id"));
    }

    @Override
    protected boolean complete(Arguments.Parsed a) {
        String action = a.get("action").orElse("");
        return action.equals("list") && !a.has("id")
                || action.equals("save") && a.has("id") && a.has("--name") && a.get("--review").filter(r -> List.of("before", "after")
                        .contains(r.toLowerCase(Locale.ROOT))).isPresent();
    }

    @Override
    protected int run(Workspace ws, Arguments.Parsed a, PrintStream out, PrintStream err) {
        if (a.get("action").orElseThrow().equals("save")) {
            try {
                ws.saveUnit(new Unit(a.get("id").orElseThrow(), a.get("--name").orElseThrow(),
                        choice(ReviewPolicy.class, "--review", a.get("--review").orElseThrow())));
            } catch (IllegalArgumentException e) {
                err.println(org.insyn.core.Messages.get(locale, "cli.badId", a.get("id").orElseThrow()));
                return Cli.USAGE;
            }
        }
        ws.units().forEach(u -> out.println(String.join("\t", u.id(), u.name(), "review=" + u.reviewPolicy().name().toLowerCase(Locale.ROOT))));
        return Cli.OK;
    }
}
