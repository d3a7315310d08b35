package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Table;

/** Page object for the Review queue part (Supervision perspective). */
final class ReviewQueuePage extends PartPage {
    static final String KEY = "org.insyn.ui.part.reviewQueue";
    /** The columns of the queue's table. */
    static final int CASE = 2;
    static final int STATE = 5;

    ReviewQueuePage(Bot bot) {
        super(bot, KEY, "Review queue");
    }

    /** Brings the part to the front in the Supervision perspective. */
    static ReviewQueuePage open(Bot bot) {
        return new ReviewQueuePage(bot).openIn(WorkbenchPage.SUPERVISION);
    }

    Table table() {
        return table("table");
    }

    /** Selects the justification of the case (waiting for it to be listed). */
    ReviewQueuePage select(String caseTitle) {
        bot.select(table(), item -> item.getText(CASE).equals(caseTitle), caseTitle);
        return this;
    }

    /** The State column of the case's row, once it is listed. */
    String state(String caseTitle) {
        bot.waitUntil(() -> lists(caseTitle), caseTitle + " in the review queue");
        return rows().stream().filter(r -> r.get(CASE).equals(caseTitle)).findFirst().orElseThrow().get(STATE);
    }

    boolean lists(String caseTitle) {
        return rows().stream().anyMatch(r -> r.get(CASE).equals(caseTitle));
    }

    List<List<String>> rows() {
        return bot.rows(table());
    }

    String justification() {
        return bot.text(text("text"));
    }

    ReviewQueuePage comment(String text) {
        type("comment", text);
        return this;
    }

    void approve() {
        click("approve");
    }

    void reject() {
        click("reject");
    }

    /** Waits until the case's justification has left the queue (it was decided). */
    void waitUntilGone(String caseTitle) {
        bot.waitUntil(() -> !lists(caseTitle), caseTitle + " to leave the review queue");
    }

    /** What the last decision did, once it says it. */
    String done() {
        return waitForLabel("done", ":");
    }
}
