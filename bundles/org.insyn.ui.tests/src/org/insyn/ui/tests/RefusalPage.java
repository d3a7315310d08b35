package org.insyn.ui.tests;

/** Page object for the refusal dialog: the rule, the explanation and the button that puts it right. */
final class RefusalPage extends PartPage {
    RefusalPage(Bot bot) {
        super(bot, "org.insyn.ui.refusal", null);
        bot.byKey(org.eclipse.swt.widgets.Shell.class, key);
    }

    String rule() {
        return label("rule");
    }

    String message() {
        return label("message");
    }

    /** Presses the remedy; it may open a dialog of its own. */
    void act() {
        clickOpening("action");
        closed();
    }

    /** Closes the dialog without doing anything. */
    void close() {
        click("close");
        closed();
    }
}
