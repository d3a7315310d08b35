package org.insyn.ui.prefs;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.service.CaptureSettings;
import org.insyn.ui.Services;
import org.insyn.ui.Texts;
import org.insyn.ui.dialogs.FormDialog;

/**
 * R17: the RFC 3161 timestamp authority that seals each capture, read by org.insyn.capture at every capture. The
 * system property {@code insyn.capture.tsa} or INSYN_TSA_URL, when set, come first. Workspace-wide, so an
 * administrator's.
 */
final class TimestampPane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".timestamp";
    private final boolean administrator;
    private Text url;

    TimestampPane(boolean administrator) {
        this.administrator = administrator;
    }

    private static Optional<CaptureSettings> settings() {
        return Services.await(CaptureSettings.class, Duration.ofSeconds(10));
    }

    @Override
    public String name() {
        return "timestamp";
    }

    @Override
    public void create(Composite tab) {
        Composite body = Fields.body(tab);
        url = Fields.text(body, KEY + ".url", "prefs.timestamp.url", settings().flatMap(CaptureSettings::timestampAuthority).orElse(""), 0);
        url.setMessage("https://…");
        Fields.note(body, KEY + ".note", Texts.get("prefs.timestamp.note"));
        String property = System.getProperty("insyn.capture.tsa");
        String env = System.getenv("INSYN_TSA_URL");
        if (property != null && !property.isBlank() || env != null && !env.isBlank()) {
            Fields.note(body, KEY + ".override", Texts.get("prefs.timestamp.override", property != null && !property.isBlank() ? property : env));
        }
        Fields.administratorsOnly(tab, body, KEY, administrator);
    }

    @Override
    public void check() {
        String value = url.getText().strip();
        if (administrator && !value.isEmpty() && !SourcesPane.isWebAddress(value)) {
            throw new FormDialog.Invalid("prefs.badAddress", Fields.plain("prefs.timestamp.url"), value);
        }
    }

    @Override
    public void save() {
        if (administrator) {
            settings().orElseThrow(() -> new IllegalStateException("no capture settings service")).setTimestampAuthority(url.getText());
        }
    }
}
