package org.insyn.ui.signin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.insyn.core.model.Role;
import org.insyn.core.service.WorkspaceConfig;
import org.osgi.service.prefs.BackingStoreException;

/**
 * What the sign-in dialog offers first: the last sign-in's folder, user, role, unit and database (never a
 * password), kept in the instance preferences; else the folder from INSYN_WORKSPACE, the Eclipse instance
 * location (which the launch script sets from it) or ~/insyn-workspace.
 */
public record SignInDefaults(Path folder, String userId, Optional<Role> role, Optional<String> unitId, Optional<String> postgresUrl,
        Optional<String> postgresUser) {
    private static final String NODE = "org.insyn.ui.signin";

    public static SignInDefaults load() {
        IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
        return new SignInDefaults(Path.of(p.get("folder", defaultFolder().toString())), p.get("user", ""),
                Optional.ofNullable(p.get("role", null)).map(Role::valueOf), Optional.ofNullable(p.get("unit", null)),
                Optional.ofNullable(p.get("postgresUrl", null)), Optional.ofNullable(p.get("postgresUser", null)));
    }

    /** Remembers this sign-in for next time. */
    public void save() {
        IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
        p.put("folder", folder.toString());
        p.put("user", userId);
        role.ifPresentOrElse(r -> p.put("role", r.name()), () -> p.remove("role"));
        unitId.ifPresentOrElse(u -> p.put("unit", u), () -> p.remove("unit"));
        postgresUrl.ifPresentOrElse(u -> p.put("postgresUrl", u), () -> p.remove("postgresUrl"));
        postgresUser.ifPresentOrElse(u -> p.put("postgresUser", u), () -> p.remove("postgresUser"));
        try {
            p.flush();
        } catch (BackingStoreException e) {
            System.getLogger(SignInDefaults.class.getName()).log(System.Logger.Level.WARNING, "sign-in defaults not saved", e);
        }
    }

    /**
     * R9: how long the workbench may stand unused before the workspace locks and asks for the password again: the
     * preference {@code idleLockMinutes} of this node, else 15 minutes.
     */
    static Duration idleLock() {
        long minutes = InstanceScope.INSTANCE.getNode(NODE).getLong("idleLockMinutes", WorkspaceConfig.DEFAULT_IDLE_LOCK.toMinutes());
        return Duration.ofMinutes(Math.max(1, minutes));
    }

    static Path defaultFolder() {
        String env = System.getenv("INSYN_WORKSPACE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        if (Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet()) {
            try {
                return Path.of(Platform.getInstanceLocation().getURL().toURI());
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // a location that is no plain file URL: fall back to the home folder
            }
        }
        return Path.of(System.getProperty("user.home"), "insyn-workspace");
    }
}
