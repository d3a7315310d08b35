package org.insyn.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli account list|create|change|disable|enable|unlock|password}: accounts as an administrator keeps
 * them (R9), and everyone's own password. New passwords are asked for twice and never taken from the command line.
 * Every change is audited by the store (R16); accounts are disabled, never deleted.
 */
public final class AccountCommand implements Command {
    private static final List<String> OPTIONS = List.of("--workspace", "--user", "--name", "--roles", "--units");

    private final Supplier<WorkspaceProvider> workspaces;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public AccountCommand(Supplier<WorkspaceProvider> workspaces, Map<String, String> env, Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.account.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = args.isEmpty() ? null : Arguments.parse(args.subList(1, args.size()), OPTIONS, List.of("id"), err, locale);
        String what = args.isEmpty() ? "" : args.get(0);
        boolean needsId = List.of("create", "change", "disable", "enable", "unlock").contains(what);
        if (o == null || !List.of("list", "create", "change", "disable", "enable", "unlock", "password").contains(what)
                || needsId && !o.containsKey("id") || what.equals("create") && !o.containsKey("--roles")) {
            err.println(Messages.get(locale, "cli.account.usage"));
            return Cli.USAGE;
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(Optional.ofNullable(o.get("--workspace"))
                .or(() -> Optional.ofNullable(env.get("INSYN_WORKSPACE"))), env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            if (workspaces.get().isNew(config.get())) {
                err.println(Messages.get(locale, "store.notAWorkspace", config.get().directory()));
                return Cli.USAGE;
            }
            // the password is kept for a change of one's own password, which needs the old one
            Optional<String> user = WorkspaceOption.user(Optional.ofNullable(o.get("--user")), env, prompt, locale, err);
            Optional<char[]> password = user.flatMap(u -> WorkspaceOption.password(u, env, prompt, locale, err));
            if (password.isEmpty()) {
                return Cli.USAGE;
            }
            try (Workspace ws = workspaces.get().signIn(config.get(), user.get(), password.get())) {
                return account(ws, what, o, password.get(), out, err);
            }
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(Messages.get(locale, "cli.badId", o.get("id")));
            return Cli.USAGE;
        }
    }

    private int account(Workspace ws, String what, Map<String, String> o, char[] ownPassword, PrintStream out, PrintStream err) {
        String id = o.get("id");
        switch (what) {
            case "list" -> ws.accounts().list().forEach(u -> out.println(line(u)));
            case "create" -> {
                Optional<Set<Role>> roles = roles(o.get("--roles"), err);
                Optional<char[]> password = roles.flatMap(r -> WorkspaceOption.newPassword(id, prompt, locale, err));
                if (password.isEmpty()) {
                    return Cli.USAGE;
                }
                out.println(line(ws.accounts().create(new User(id, o.getOrDefault("--name", id), roles.get(), units(o.get("--units")), true),
                        password.get())));
            }
            case "change" -> {
                User now = ws.accounts().list().stream().filter(u -> u.id().equals(id)).findFirst()
                        .orElseThrow(() -> InsynException.notFound("user", id));
                Optional<Set<Role>> roles = o.containsKey("--roles") ? roles(o.get("--roles"), err) : Optional.of(now.roles());
                if (roles.isEmpty()) {
                    return Cli.USAGE;
                }
                out.println(line(ws.accounts().change(new User(id, o.getOrDefault("--name", now.displayName()), roles.get(),
                        o.containsKey("--units") ? units(o.get("--units")) : now.unitIds(), now.enabled()))));
            }
            case "disable" -> out.println(line(ws.accounts().disable(id)));
            case "enable" -> {
                Optional<char[]> password = WorkspaceOption.newPassword(id, prompt, locale, err);
                if (password.isEmpty()) {
                    return Cli.USAGE;
                }
                out.println(line(ws.accounts().enable(id, password.get())));
            }
            case "unlock" -> {
                ws.accounts().unlock(id);
                out.println(Messages.get(locale, "cli.account.unlocked", id));
            }
            default -> {
                // password: one's own, or with an ID an administrator's reset
                String whose = id == null ? ws.user().id() : id;
                Optional<char[]> password = WorkspaceOption.newPassword(whose, prompt, locale, err);
                if (password.isEmpty()) {
                    return Cli.USAGE;
                }
                if (id == null) {
                    ws.accounts().changePassword(ownPassword, password.get());
                } else {
                    ws.accounts().resetPassword(id, password.get());
                }
                out.println(Messages.get(locale, "cli.account.passwordSet", whose));
            }
        }
        return Cli.OK;
    }

    /** One account per line: user name, name, roles, units, and whether it may sign in. */
    private String line(User u) {
        return String.join("\t", u.id(), u.displayName(),
                u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                u.unitIds().stream().sorted().collect(Collectors.joining(",")),
                Messages.get(locale, u.enabled() ? "cli.account.enabled" : "cli.account.disabled"));
    }

    private Optional<Set<Role>> roles(String list, PrintStream err) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(wanted)).findFirst();
            if (role.isEmpty()) {
                err.println(Messages.get(locale, "cli.account.badRole", name.strip(),
                        Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
                return Optional.empty();
            }
            roles.add(role.get());
        }
        return Optional.of(roles);
    }

    private static Set<String> units(String list) {
        return list == null || list.isBlank() ? Set.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
    }
}
