package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;

/** Page object for the Notes part: the editor with its links, and full-text search. */
final class NotesPage extends PartPage {
    NotesPage(Bot bot) {
        super(bot, "org.insyn.ui.part.notes", "Notes");
    }

    /** Writes a new note linked to every finding and capture of the case, and saves it. */
    NotesPage write(String text, String recordClass) {
        show();
        click("new");
        type("editor", text);
        choose("recordClass", recordClass);
        org.eclipse.swt.widgets.Table links = table("links");
        // the case's findings and captures are read in the background
        try {
            Bot.waitFor(() -> bot.sync(links::getItemCount) > 0, 5000, "the findings and captures to link");
        } catch (AssertionError none) {
            // a case without findings or captures has nothing to link
        }
        for (int i = 0; i < bot.sync(links::getItemCount); i++) {
            int row = i;
            bot.check(links, item -> links.indexOf(item) == row, true, "link " + row);
        }
        click("save");
        waitForLabel("status", "Saved");
        return this;
    }

    /** The notes listed, once the list shows some (it is read in the background). */
    List<String> notes() {
        try {
            Bot.waitFor(() -> !bot.rows(table("list")).isEmpty(), Bot.TIMEOUT_MS, "the notes listed");
        } catch (AssertionError none) {
            // no notes: the caller's assertion says what was expected
        }
        return bot.rows(table("list")).stream().map(r -> r.get(2)).toList();
    }

    /** The links the saved note shows ticked, once it shows some (they are read in the background). */
    List<String> links() {
        org.eclipse.swt.widgets.Table links = table("links");
        java.util.function.Supplier<List<String>> ticked = () -> bot.sync(
                () -> java.util.Arrays.stream(links.getItems()).filter(i -> i.getChecked()).map(i -> i.getText()).toList());
        try {
            Bot.waitFor(() -> !ticked.get().isEmpty(), Bot.TIMEOUT_MS, "the note's links");
        } catch (AssertionError none) {
            // a note about nothing: the caller's assertion says what was expected
        }
        return ticked.get();
    }

    /** Searches and returns the results text and the highlighted words. */
    Found search(String query) {
        show();
        type("query", query);
        click("search");
        StyledText results = bot.byKey(StyledText.class, key + ".results");
        bot.waitUntil(() -> !results.getText().isEmpty(), "search results");
        return bot.sync(() -> new Found(results.getText(), java.util.Arrays.stream(results.getStyleRanges())
                .filter(r -> r.background != null).map((StyleRange r) -> results.getText(r.start, r.start + r.length - 1)).toList()));
    }

    record Found(String text, List<String> highlighted) {
    }
}
