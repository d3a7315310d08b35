package org.insyn.ui.prefs;

import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Settings kept in the Eclipse instance preferences of the workspace the product was started on ({@code -data}, the
 * launch script's INSYN_WORKSPACE): {@code .metadata/.plugins/org.eclipse.core.runtime/.settings/NODE.prefs}. Only the
 * workbench's own; the sources' and capture's settings are the typed services {@code SourceSettings} and
 * {@code CaptureSettings} of core.
 */
final class Settings {
    /** The UI language, read by the launch script at the next start (see docs/DEVELOPING.md, Preferences). */
    static final String UI = "org.insyn.ui";
    static final String LANGUAGE = "language";

    private Settings() {
    }

    static Optional<String> get(String node, String key) {
        return Optional.ofNullable(InstanceScope.INSTANCE.getNode(node).get(key, null)).filter(v -> !v.isBlank());
    }

    /** Writes the values of one node at once, a blank value removing its key, and saves the node to disk. */
    static void put(String node, Map<String, String> values) {
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(node);
        values.forEach((key, value) -> {
            if (value.isBlank()) {
                prefs.remove(key);
            } else {
                prefs.put(key, value.strip());
            }
        });
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("the preferences " + node + " could not be saved: " + e.getMessage(), e);
        }
    }
}
