package org.insyn.app.tests;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.insyn.app.Prompt;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/** Workspaces for the command tests: made by their administrator, worked in by anna. */
final class Workspaces {
    static final String PASSWORD = "kommandoradens-lösenord";
    /** How a script signs anna in: her name and password in the environment, never on the command line. */
    static final Map<String, String> ANNA = as("anna");
    /** A prompt for commands that must not ask anything: there is nothing to read. */
    static final Prompt NOTHING_TO_ASK = Prompt.reading(new StringReader(""), new PrintStream(OutputStream.nullOutputStream()));

    private Workspaces() {
    }

    /** A new workspace made by its administrator "admin", with the unit and these people in it, all with PASSWORD. */
    static void make(WorkspaceProvider provider, Path dir, Unit unit, User... people) {
        try (Workspace admin = provider.create(WorkspaceConfig.embedded(dir),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            admin.saveUnit(unit);
            for (User person : people) {
                admin.accounts().create(person, PASSWORD.toCharArray());
            }
        }
    }

    static User person(String id, Role role, String unit) {
        return new User(id, id.substring(0, 1).toUpperCase() + id.substring(1), Set.of(role), Set.of(unit), true);
    }

    /** How a script signs someone in: name and password in the environment, never on the command line. */
    static Map<String, String> as(String user) {
        return Map.of("INSYN_USER", user, "INSYN_PASSWORD", PASSWORD);
    }

    /** A new workspace with the unit and the investigator anna in it; anna signed in. */
    static Workspace anna(WorkspaceProvider provider, Path dir, String unit) {
        make(provider, dir, new Unit(unit, "IFO " + unit, ReviewPolicy.AFTER), person("anna", Role.INVESTIGATOR, unit));
        return signIn(provider, dir, "anna");
    }

    static Workspace signIn(WorkspaceProvider provider, Path dir, String user) {
        return provider.signIn(WorkspaceConfig.embedded(dir), user, PASSWORD.toCharArray());
    }
}
