package org.insyn.ui.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.ToolBar;

/** Page object for the preferences dialog (Window › Preferences). */
final class PreferencesPage extends PartPage {
    static final String KEY = "org.insyn.ui.prefs";

    private PreferencesPage(Bot bot) {
        super(bot, KEY, null);
        bot.byKey(Shell.class, KEY);
    }

    /** Opens the dialog with the keyboard, as a person without a mouse does: Alt+W opens the Window menu, P the item. */
    static PreferencesPage open(Bot bot) {
        ToolBar switcher = bot.byKey(ToolBar.class, "org.insyn.ui.perspectiveswitcher");
        bot.press(switcher, SWT.ALT, 'w', 'w');
        bot.key(0, 'p', 'p');
        return new PreferencesPage(bot);
    }

    /** Brings the tab forward, as a click on it does. */
    PreferencesPage tab(String name) {
        TabItem item = bot.byKey(TabItem.class, key + ".tab." + name);
        bot.run(() -> {
            item.getParent().setSelection(item);
            Event e = new Event();
            e.item = item;
            item.getParent().notifyListeners(SWT.Selection, e);
        });
        return this;
    }

    PreferencesPage set(String field, String value) {
        type(field, value);
        return this;
    }

    Button radio(String name) {
        return bot.byKey(Button.class, key + "." + name);
    }

    /** Chooses a radio button, as a click does. */
    PreferencesPage choose(String name) {
        Button chosen = radio(name);
        bot.run(() -> {
            for (var sibling : chosen.getParent().getChildren()) {
                if (sibling instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
                    b.setSelection(b == chosen);
                }
            }
            chosen.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** Ticks or unticks a check box, as a click does. */
    PreferencesPage tick(String name, boolean ticked) {
        Button box = button(name);
        bot.run(() -> {
            box.setSelection(ticked);
            box.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** Saves and waits for the dialog to close. */
    void save() {
        click("ok");
        closed();
    }

    /** Saves, expecting the dialog to stay open and say what is wrong. */
    String saveRefused() {
        click("ok");
        return waitForLabel("error", " ");
    }

    void cancel() {
        click("cancel");
        closed();
    }

    boolean enabled(String field) {
        return bot.sync(() -> text(field).isEnabled());
    }

    /**
     * The instance preferences of a node as saved on disk, in the workspace the workbench runs on
     * ({@code .metadata/.plugins/org.eclipse.core.runtime/.settings/NODE.prefs}).
     */
    static Properties saved(String node) {
        Properties p = new Properties();
        try {
            Path file = Path.of(new URI(System.getProperty("osgi.instance.area").replace(" ", "%20")))
                    .resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/" + node + ".prefs");
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new AssertionError("cannot read the preferences " + node, e);
        }
        return p;
    }
}
