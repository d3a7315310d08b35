package org.insyn.ui.prefs;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * The language Insyn starts in: Swedish (the default) or English. The launch script reads it at the next start and
 * passes it as {@code -nl}; INSYN_LANG, or {@code -nl} given to the script, still come first. Everyone's own choice.
 */
final class LanguagePane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".language";
    private Button swedish;
    private Button english;

    @Override
    public String name() {
        return "language";
    }

    @Override
    public void create(Composite tab) {
        boolean en = Settings.get(Settings.UI, Settings.LANGUAGE).orElse("sv").equals("en");
        // each language by its own name, so that anyone finds theirs
        swedish = radio(tab, "sv", "Svenska", !en);
        english = radio(tab, "en", "English", en);
        Fields.note(tab, KEY + ".note", Texts.get("prefs.language.note"));
        String override = System.getenv("INSYN_LANG");
        if (override != null && !override.isBlank()) {
            Fields.note(tab, KEY + ".override", Texts.get("prefs.language.override", Texts.get(override.strip().startsWith("en") ? "language.en" : "language.sv")));
        }
    }

    private static Button radio(Composite tab, String language, String name, boolean selected) {
        Button b = Widgets.key(new Button(tab, SWT.RADIO), KEY + "." + language);
        b.setText(name);
        b.setSelection(selected);
        b.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        return b;
    }

    @Override
    public void save() {
        Settings.put(Settings.UI, Map.of(Settings.LANGUAGE, english.getSelection() ? "en" : "sv"));
    }
}
