package org.insyn.bench;

import java.security.SecureRandom;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.insyn.store.internal.StoreWorkspace;

/** Workspaces for the benchmarks, made and signed in to as the product does. */
final class Workspaces {
    static final char[] PASSWORD = "bänkens-lösenord".toCharArray();

    private Workspaces() {
    }

    /** A new workspace, signed in to by its administrator "admin". */
    static StoreWorkspace admin(WorkspaceConfig config) {
        return (StoreWorkspace) new StoreProvider().create(config, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                PASSWORD.clone());
    }

    /** A new workspace with the unit and the investigator anna in it, signed in to by anna. */
    static StoreWorkspace anna(WorkspaceConfig config, String unit) {
        try (Workspace admin = admin(config)) {
            admin.saveUnit(new Unit(unit, "IFO " + unit, ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of(unit), true), PASSWORD.clone());
        }
        return signIn(config, "anna");
    }

    static StoreWorkspace signIn(WorkspaceConfig config, String user) {
        return (StoreWorkspace) new StoreProvider().signIn(config, user, PASSWORD.clone());
    }

    /** An index key as a workspace derives one. */
    static SecretKey indexKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}
