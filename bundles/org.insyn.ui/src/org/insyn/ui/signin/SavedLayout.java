package org.insyn.ui.signin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The layout e4 saves on exit holds the whole application model as it was. After an update whose model differs
 * (new parts, commands, key bindings) that saved copy would hide the changes, so it is dropped once and the workbench
 * starts from the new model; between starts of one model the layout is kept.
 */
final class SavedLayout {
    private static final String NODE = "org.insyn.ui";
    private static final String KEY = "modelSha256";
    private static final System.Logger LOG = System.getLogger(SavedLayout.class.getName());

    private SavedLayout() {
    }

    /** Drops the saved layout when it was saved from another application model than this one. */
    static void dropIfModelChanged() {
        try {
            String model = sha256(FrameworkUtil.getBundle(SavedLayout.class).getEntry("Application.e4xmi"));
            IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(NODE);
            if (model.equals(prefs.get(KEY, ""))) {
                return;
            }
            Path saved = Path.of(Platform.getInstanceLocation().getURL().toURI()).resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");
            if (Files.deleteIfExists(saved)) {
                LOG.log(System.Logger.Level.INFO, "the application model changed: the saved layout is dropped once");
            }
            prefs.put(KEY, model);
            prefs.flush();
        } catch (IOException | URISyntaxException | BackingStoreException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not compare the saved layout with the application model", e);
        }
    }

    private static String sha256(URL entry) throws IOException {
        try (InputStream in = entry.openStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
