package org.insyn.ui.prefs;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.service.SourceCheck;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.SourceSettings;
import org.insyn.ui.Services;
import org.insyn.core.service.Workspace;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.FormDialog;

/**
 * The settings the web sources read ({@code {setting:NAME}} in their addresses, docs/SOURCES.md):
 * API keys, masked, and forum addresses; and the HTTP client's politeness. The sources offered now are listed with what
 * each still needs. Workspace-wide, so an administrator's.
 */
final class SourcesPane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".sources";

    /** What a setting holds: said to the person, checked before it is saved. */
    enum Kind {
        SECRET, TEXT, ADDRESS, NUMBER
    }

    /** Every setting of the built-in sources and the client, in the order shown. */
    static final Map<String, Kind> SETTINGS = settings();

    private static Map<String, Kind> settings() {
        Map<String, Kind> m = new LinkedHashMap<>();
        m.put("brave.apiKey", Kind.SECRET);
        m.put("searxng.url", Kind.ADDRESS);
        m.put("google.apiKey", Kind.SECRET);
        m.put("google.cx", Kind.TEXT);
        m.put("youtube.apiKey", Kind.SECRET);
        m.put("twingly.apiKey", Kind.SECRET);
        m.put("discourse.url", Kind.ADDRESS);
        m.put("phpbb.url", Kind.ADDRESS);
        m.put("http.minIntervalMillis", Kind.NUMBER);
        m.put("http.maxBytes", Kind.NUMBER);
        return m;
    }

    private final List<SourceProvider> sources;
    private final boolean administrator;
    private final Workspace workspace;
    private final Map<String, Text> fields = new LinkedHashMap<>();

    SourcesPane(List<SourceProvider> sources, boolean administrator, Workspace workspace) {
        this.sources = sources;
        this.administrator = administrator;
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public void create(Composite tab) {
        Table table = Fields.table(tab, KEY + ".list", 110, 200, "prefs.sources.source", "prefs.sources.kind", "prefs.sources.state");
        List<TableItem> items = new java.util.ArrayList<>();
        for (SourceProvider p : sources) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { p.name() + p.until().map(d -> " " + Texts.get("prefs.sources.until", d.toString())).orElse(""),
                    Texts.get("kind." + p.kind().name()),
                    p.unavailable().map(e -> e.message(Texts.locale())).orElse(Texts.get("prefs.sources.ready")) });
            items.add(item);
        }
        Button check = Widgets.key(new Button(tab, SWT.PUSH), KEY + ".check");
        check.setText(Texts.get("prefs.sources.check"));
        check.addListener(SWT.Selection, e -> check(check, items));
        Composite body = Fields.body(tab);
        SETTINGS.forEach((key, kind) -> {
            Text t = Fields.text(body, KEY + "." + key, "prefs.sources." + key, sourceSettings().flatMap(s -> s.get(key)).orElse(""),
                    kind == Kind.SECRET ? SWT.PASSWORD : SWT.NONE);
            fields.put(key, t);
        });
        Fields.note(body, KEY + ".note", Texts.get("prefs.sources.note"));
        Fields.administratorsOnly(tab, body, KEY, administrator);
    }

    /**
     * Asks every source once with a harmless query (with the saved settings), off the UI thread, and puts what it
     * found in the table: works, key missing, key refused, quota, unreachable. The requests go to the network log (R15).
     */
    private void check(Button button, List<TableItem> items) {
        button.setEnabled(false);
        items.forEach(i -> i.setText(2, Texts.get("prefs.sources.checking")));
        Display display = button.getDisplay();
        Job job = Job.create(Texts.get("prefs.sources.check.job"), monitor -> {
            for (int i = 0; i < sources.size() && !monitor.isCanceled(); i++) {
                SourceCheck.Result r = SourceCheck.check(sources.get(i), workspace.user().id(), workspace.networkLog()::record);
                TableItem item = items.get(i);
                String said = Texts.get("prefs.sources.check." + r.status().name())
                        + r.problem().map(p -> " – " + p.message(Texts.locale())).orElse("");
                display.asyncExec(() -> {
                    if (!item.isDisposed()) {
                        item.setText(2, said);
                    }
                });
            }
            display.asyncExec(() -> {
                if (!button.isDisposed()) {
                    button.setEnabled(true);
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    @Override
    public void check() {
        if (!administrator) {
            return;
        }
        SETTINGS.forEach((key, kind) -> {
            String value = fields.get(key).getText().strip();
            if (value.isEmpty()) {
                return;
            }
            if (kind == Kind.ADDRESS && !isWebAddress(value)) {
                throw new FormDialog.Invalid("prefs.badAddress", Fields.plain("prefs.sources." + key), value);
            }
            if (kind == Kind.NUMBER && !value.matches("\\d{1,12}")) {
                throw new FormDialog.Invalid("prefs.badNumber", Fields.plain("prefs.sources." + key), value);
            }
        });
    }

    private static Optional<SourceSettings> sourceSettings() {
        return Services.await(SourceSettings.class, Duration.ofSeconds(10));
    }

    /** An absolute http or https address with a host. */
    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void save() {
        if (administrator) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((key, field) -> values.put(key, field.getText()));
            sourceSettings().orElseThrow(() -> new IllegalStateException("no source settings service")).put(values);
        }
    }
}
