package org.insyn.ui.tests;

/** Page object for the Case overview part, the transparency letter and the transparency note. */
final class CaseOverviewPage extends PartPage {
    static final String NOTE_DIALOG = "org.insyn.ui.dialog.transparencyNote";
    static final String LETTER_DIALOG = "org.insyn.ui.dialog.letter";

    CaseOverviewPage(Bot bot) {
        super(bot, "org.insyn.ui.part.caseOverview", "Case overview");
    }

    /** What the part says of the transparency note, once it has read the case (in the background). */
    String note() {
        show();
        org.eclipse.swt.widgets.Label l = bot.byKey(org.eclipse.swt.widgets.Label.class, key + ".note");
        bot.waitUntil(() -> !l.getText().isEmpty(), key + ".note read");
        return bot.text(l);
    }

    /** Writes the transparency letter and returns where it was written. */
    String letter(String contact) {
        show();
        clickOpening("letter");
        PartPage dialog = dialog(bot, LETTER_DIALOG);
        dialog.type("contact", contact);
        dialog.click("ok");
        dialog.closed();
        String said = waitForLabel("letterResult", ".pdf");
        return said.substring(said.indexOf('/'));
    }

    /** Records the note as given, by the way the dialog suggests unless told otherwise. */
    void recordAsGiven(String channel) {
        show();
        clickOpening("recordNote");
        fillNote(bot, channel);
    }

    /** Fills and saves the transparency note dialog, however it was opened. */
    static void fillNote(Bot bot, String channel) {
        PartPage dialog = dialog(bot, NOTE_DIALOG);
        dialog.choose("channel", channel);
        dialog.click("ok");
        dialog.closed();
    }
}
