package org.insyn.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli unit list|save}: the units whose people see each other's cases (R9), and whether a search waits
 * for a supervisor's review (R2). Saving is an administrator's, and audited.
 */
public final class UnitCommand implements Command {
    private final Supplier<WorkspaceProvider> workspaces;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public UnitCommand(Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "unit";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.unit.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = args.isEmpty() ? null
                : Arguments.parse(args.subList(1, args.size()), List.of("--workspace", "--user", "--name", "--review"), List.of("id"), err, locale);
        String what = args.isEmpty() ? "" : args.get(0);
        Optional<ReviewPolicy> review = Optional.ofNullable(o == null ? null : o.get("--review")).flatMap(r -> List.of(ReviewPolicy.values())
                .stream().filter(p -> p.name().equalsIgnoreCase(r)).findFirst());
        if (o == null || !(what.equals("list") || what.equals("save") && o.containsKey("id") && o.containsKey("--name") && review.isPresent())) {
            err.println(Messages.get(locale, "cli.unit.usage"));
            return Cli.USAGE;
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(Optional.ofNullable(o.get("--workspace"))
                .or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            Optional<Workspace> signedIn = WorkspaceOption.signIn(workspaces.get(), config.get(), Optional.ofNullable(o.get("--user")), env,
                    prompt, locale, err);
            if (signedIn.isEmpty()) {
                return Cli.USAGE;
            }
            try (Workspace ws = signedIn.get()) {
                if (what.equals("save")) {
                    ws.saveUnit(new Unit(o.get("id"), o.get("--name"), review.get()));
                }
                ws.units().forEach(u -> out.println(String.join("\t", u.id(), u.name(), "review=" + u.reviewPolicy().name().toLowerCase())));
            }
            return Cli.OK;
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(Messages.get(locale, "cli.badId", o.get("id")));
            return Cli.USAGE;
        }
    }
}
