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
        for (int i = 0; i < bot.sync(links::getItemCount); i++) {
            int row = i;
            bot.check(links, item -> links.indexOf(item) == row, true, "link " + row);
        }
        click("save");
        waitForLabel("status", "Saved");
        return this;
    }

    List<String> notes() {
        return bot.rows(table("list")).stream().map(r -> r.get(2)).toList();
    }

    /** The links the saved note shows ticked. */
    List<String> links() {
        org.eclipse.swt.widgets.Table links = table("links");
        return bot.sync(() -> java.util.Arrays.stream(links.getItems()).filter(i -> i.getChecked()).map(i -> i.getText()).toList());
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
