package org.insyn.ui.tests;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;

/** Page object for the Search part and the justification dialog it opens. */
final class SearchPage extends PartPage {
    static final String JUSTIFICATION = "org.insyn.ui.dialog.justification";

    SearchPage(Bot bot) {
        super(bot, "org.insyn.ui.part.search", "Search");
    }

    SearchPage outreach(String topic, String place) {
        show();
        Button outreach = button("outreach");
        bot.run(() -> {
            button("client").setSelection(false);
            outreach.setSelection(true);
        });
        bot.click(outreach);
        type("topic", topic);
        type("place", place);
        return this;
    }

    /** The client search form, as filled from the case's client. */
    String name() {
        show();
        Text name = text("name");
        // the client is read in the background
        try {
            Bot.waitFor(() -> !bot.text(name).isEmpty(), 5000, "the client's name");
        } catch (AssertionError none) {
            // a case without a client: the caller's assertion says what was expected
        }
        return bot.text(name);
    }

    String query() {
        return bot.text(text("query"));
    }

    String warnings() {
        return label("warnings");
    }

    /** Only the named sources stay ticked. */
    SearchPage onlySources(String... ids) {
        java.util.List<String> keep = java.util.List.of(ids);
        org.eclipse.swt.widgets.Table sources = table("sources");
        for (String id : bot.sync(() -> java.util.Arrays.stream(sources.getItems()).map(i -> (String) i.getData(Bot.KEY)).toList())) {
            bot.check(sources, i -> id.equals(i.getData(Bot.KEY)), keep.contains(id.substring(id.lastIndexOf('.') + 1)), id);
        }
        return this;
    }

    /** Presses Search and writes a new justification; the search starts as a job. */
    SearchPage run(String reasonLabel, String justification) {
        clickOpening("run");
        PartPage dialog = dialog(bot, JUSTIFICATION);
        if (reasonLabel != null) {
            dialog.choose("reason", reasonLabel);
        }
        dialog.type("text", justification);
        dialog.click("ok");
        dialog.closed();
        return this;
    }

    /** Presses Search when a rule refuses the search before any justification is asked for (R4). */
    void runRefused() {
        clickOpening("run");
    }

    /** Waits for the search to end and returns what the part says about it. */
    String done() {
        org.eclipse.swt.widgets.Label l = bot.byKey(org.eclipse.swt.widgets.Label.class, key + ".status");
        bot.waitUntil(() -> l.getText().contains(" from ") && l.getText().contains(" hit"), key + ".status to say how many hits");
        return bot.text(l);
    }
}
