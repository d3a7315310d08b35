package org.insyn.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.insyn.testing.OsgiServices;

/**
 * The workspace the UI tests sign in to: a real encrypted H2 workspace in a temporary folder, made once per test run
 * through the store's own service, with two units and a user in each role.
 */
public final class Fixture {
    /** Every fixture account's password. */
    public static final String PASSWORD = "fältets lösenord 7";
    public static final Unit NORTH = new Unit("north", "IFO Norr", ReviewPolicy.AFTER);
    /** Reviews before searching (R2), for tests of the review queue. */
    public static final Unit SOUTH = new Unit("south", "IFO Söder", ReviewPolicy.BEFORE);

    /** A fixture user with the role and unit they sign in with (labels as the English UI shows them; no unit: null). */
    public record Account(String id, String name, Role role, String roleLabel, Unit unit) {
    }

    public static final Account ADMINISTRATOR = new Account("adam", "Adam Admin", Role.ADMINISTRATOR, "Administrator", null);
    public static final Account FIELD_WORKER = new Account("fredrik", "Fredrik Fält", Role.FIELD_WORKER, "Field worker", NORTH);
    public static final Account INVESTIGATOR = new Account("anna", "Anna Utredare", Role.INVESTIGATOR, "Investigator", NORTH);
    public static final Account SUPERVISOR = new Account("sara", "Sara Arbetsledare", Role.SUPERVISOR, "Supervisor", NORTH);
    /** Holds two roles in two units: chooses at sign-in. */
    public static final Account BOTH = new Account("nils", "Nils Nilsson", Role.FIELD_WORKER, "Field worker", SOUTH);

    private static Path folder;

    private Fixture() {
    }

    /** The fixture workspace's folder, made on first use. */
    public static synchronized Path workspace() {
        if (folder == null) {
            try {
                folder = create(Files.createTempDirectory("insyn-ui-fixture"));
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot make the fixture workspace", e);
            }
        }
        return folder;
    }

    private static Path create(Path dir) {
        try (Workspace ws = store().create(WorkspaceConfig.embedded(dir),
                new User("adam", ADMINISTRATOR.name(), Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            ws.saveUnit(NORTH);
            ws.saveUnit(SOUTH);
            for (User u : new User[] { new User("fredrik", FIELD_WORKER.name(), Set.of(Role.FIELD_WORKER), Set.of("north"), true),
                    new User("anna", INVESTIGATOR.name(), Set.of(Role.INVESTIGATOR), Set.of("north"), true),
                    new User("sara", SUPERVISOR.name(), Set.of(Role.SUPERVISOR), Set.of("north", "south"), true),
                    new User("nils", BOTH.name(), Set.of(Role.FIELD_WORKER, Role.INVESTIGATOR), Set.of("north", "south"), true) }) {
                ws.accounts().create(u, PASSWORD.toCharArray());
            }
        }
        return dir;
    }

    /** The workspace the workbench has open now, from its application context (as the parts get it injected). */
    static Workspace signedInWorkspace() {
        Workspace ws = OsgiServices.service(IWorkbench.class, Duration.ofSeconds(30)).getApplication().getContext().get(Workspace.class);
        if (ws == null) {
            throw new AssertionError("nobody is signed in to the workbench");
        }
        return ws;
    }

    /** The store's Declarative Services component, waited for while the runtime starts it. */
    static WorkspaceProvider store() {
        return OsgiServices.service(WorkspaceProvider.class, Duration.ofSeconds(60));
    }
}
