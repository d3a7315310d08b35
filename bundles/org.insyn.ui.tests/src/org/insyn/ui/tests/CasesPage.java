package org.insyn.ui.tests;

/** Page object for the Cases part and the New case dialog. */
final class CasesPage extends PartPage {
    static final String DIALOG = "org.insyn.ui.dialog.newCase";

    CasesPage(Bot bot) {
        super(bot, "org.insyn.ui.part.cases", "Cases");
    }

    /** Opens a case with its client (name may be empty for an outreach case); it becomes the active case. */
    CasesPage open(String title, String client, String relatives, String city, String district) {
        show();
        clickOpening("new");
        PartPage dialog = dialog(bot, DIALOG);
        dialog.type("caseTitle", title);
        dialog.type("client", client);
        dialog.type("relatives", relatives);
        dialog.type("city", city);
        dialog.type("district", district);
        dialog.click("ok");
        dialog.closed();
        bot.waitUntil(() -> bot.rows(table("table")).stream().anyMatch(r -> r.get(0).equals(title)), "the case " + title);
        return this;
    }

    CasesPage select(String title) {
        show();
        bot.select(table("table"), i -> i.getText(0).equals(title), title);
        return this;
    }
}
