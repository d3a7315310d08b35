package org.insyn.ui.tests;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/** What every page object of a part or dialog shares: its widgets found by the key prefix, and its tab brought forward. */
abstract class PartPage {
    protected final Bot bot;
    protected final String key;
    private final String tab;

    /** @param tab the part's tab label in the English UI, or null for a dialog */
    PartPage(Bot bot, String key, String tab) {
        this.bot = bot;
        this.key = key;
        this.tab = tab;
    }

    /** Brings the part's tab forward (only the selected tab of a stack is rendered). */
    void show() {
        if (tab != null) {
            new WorkbenchPage(bot).showPart(tab);
            bot.waitUntilShowing(key, true);
        }
    }

    /** Opens the perspective and brings the part forward. */
    @SuppressWarnings("unchecked")
    <P extends PartPage> P openIn(String perspective) {
        new WorkbenchPage(bot).openPerspective(perspective);
        show();
        return (P) this;
    }

    Text text(String name) {
        return bot.byKey(Text.class, key + "." + name);
    }

    void type(String name, String value) {
        bot.setText(text(name), value);
    }

    String label(String name) {
        return bot.text(bot.byKey(Label.class, key + "." + name));
    }

    Button button(String name) {
        return bot.byKey(Button.class, key + "." + name);
    }

    void click(String name) {
        Button b = button(name);
        bot.waitUntil(b::isEnabled, key + "." + name + " enabled");
        bot.click(b);
    }

    /** Clicks a button that opens a modal dialog. */
    void clickOpening(String name) {
        Button b = button(name);
        bot.waitUntil(b::isEnabled, key + "." + name + " enabled");
        bot.clickAsync(b);
    }

    Table table(String name) {
        return bot.byKey(Table.class, key + "." + name);
    }

    void choose(String name, String item) {
        bot.select(bot.byKey(Combo.class, key + "." + name), item);
    }

    /** Waits until the label says something that contains the words, and returns it. */
    String waitForLabel(String name, String contains) {
        Label l = bot.byKey(Label.class, key + "." + name);
        bot.waitUntil(() -> l.getText().contains(contains), key + "." + name + " to say '" + contains + "'");
        return bot.text(l);
    }

    /** A dialog, once it shows, as a page of its fields. */
    static PartPage dialog(Bot bot, String key) {
        bot.byKey(org.eclipse.swt.widgets.Shell.class, key);
        return new PartPage(bot, key, null) {
        };
    }

    /** Waits until the dialog is closed. */
    void closed() {
        bot.waitUntilShowing(key, false);
    }
}
