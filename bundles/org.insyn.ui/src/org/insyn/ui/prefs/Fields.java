package org.insyn.ui.prefs;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/** The shapes the preference tabs are built of, on a two-column tab (label, field), keyed for tests. */
final class Fields {
    private Fields() {
    }

    /** A labelled one-line field holding {@code value}. */
    static Text text(Composite tab, String key, String labelKey, String value, int style) {
        Label label = new Label(tab, SWT.NONE);
        label.setText(Texts.get(labelKey));
        Text t = Widgets.key(new Text(tab, SWT.BORDER | style), key);
        t.setText(value);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 300;
        t.setLayoutData(d);
        return t;
    }

    /** A label's text without its mnemonic mark, to name the field in a message. */
    static String plain(String labelKey) {
        return Texts.get(labelKey).replace("&", "");
    }

    /** A line of explanation across the tab. */
    static Label note(Composite tab, String key, String text) {
        Label l = Widgets.key(new Label(tab, SWT.WRAP), key);
        l.setText(text);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 560;
        l.setLayoutData(d);
        return l;
    }

    /** A table across the tab, one row selected at a time, with a column of {@code width} pixels per title. */
    static Table table(Composite parent, String key, int height, int width, String... titleKeys) {
        Table t = Widgets.key(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), key);
        t.setHeaderVisible(true);
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        d.heightHint = height;
        t.setLayoutData(d);
        for (String title : titleKeys) {
            TableColumn c = new TableColumn(t, SWT.NONE);
            c.setText(Texts.get(title));
            c.setWidth(Math.max(width, org.insyn.ui.parts.Ui.textWidth(t, c.getText()) + 28));
        }
        return t;
    }

    /** The fields of a tab, in two columns, below whatever the tab says first. */
    static Composite body(Composite tab) {
        Composite body = new Composite(tab, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        body.setLayout(layout);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        return body;
    }

    /**
     * Settings that apply to everyone who uses this workspace are an administrator's (the store refuses others where it
     * keeps them): anyone else sees them with the fields disabled, and is told why.
     */
    static void administratorsOnly(Composite tab, Composite body, String key, boolean administrator) {
        if (!administrator) {
            body.setEnabled(false);
            note(tab, key + ".administratorsOnly", Texts.get("prefs.administratorsOnly")).moveAbove(body);
        }
    }
}
