package org.insyn.ui;

import org.eclipse.swt.widgets.Widget;

/** Names widgets for UI tests, with SWTBot's own data key so the tests can move to SWTBot unchanged. */
public final class Widgets {
    public static final String KEY = "org.eclipse.swtbot.widget.key";

    private Widgets() {
    }

    public static <W extends Widget> W key(W widget, String key) {
        widget.setData(KEY, key);
        return widget;
    }
}
