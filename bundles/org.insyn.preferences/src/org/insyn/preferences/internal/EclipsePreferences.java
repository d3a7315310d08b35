package org.insyn.preferences.internal;

import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.insyn.core.service.CaptureSettings;
import org.insyn.core.service.SourceSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The typed settings, kept in the Eclipse preferences of the workspace the product was started on ({@code -data}, the
 * launch script's INSYN_WORKSPACE): written to the instance scope,
 * {@code .metadata/.plugins/org.eclipse.core.runtime/.settings/NODE.prefs}; read through every scope, so a default
 * can also come from the product's configuration. The node names are those of earlier versions, so saved settings
 * stay.
 */
@Component(service = { SourceSettings.class, CaptureSettings.class })
public final class EclipsePreferences implements SourceSettings, CaptureSettings {
    static final String SOURCES = "org.insyn.web";
    static final String CAPTURE = "org.insyn.capture";
    static final String TIMESTAMP_AUTHORITY = "tsa.url";
    static final String TRUST_ANCHORS = "tsa.anchors";

    private IPreferencesService preferences;

    @Reference
    public void setPreferences(IPreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    public Optional<String> get(String name) {
        return read(SOURCES, name);
    }

    @Override
    public void put(Map<String, String> values) {
        write(SOURCES, values);
    }

    @Override
    public Optional<String> timestampAuthority() {
        return read(CAPTURE, TIMESTAMP_AUTHORITY);
    }

    @Override
    public void setTimestampAuthority(String address) {
        write(CAPTURE, Map.of(TIMESTAMP_AUTHORITY, address));
    }

    @Override
    public Optional<String> timestampTrustAnchors() {
        return read(CAPTURE, TRUST_ANCHORS);
    }

    private Optional<String> read(String node, String key) {
        return Optional.ofNullable(preferences.getString(node, key, null, null)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static void write(String node, Map<String, String> values) {
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
            throw new IllegalStateException("the settings could not be saved in " + node + ": " + e.getMessage(), e);
        }
    }
}
