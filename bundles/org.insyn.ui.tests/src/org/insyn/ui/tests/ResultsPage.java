package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;

/** Page object for Results triage: the hits, and their triage with the keyboard. */
final class ResultsPage extends PartPage {
    ResultsPage(Bot bot) {
        super(bot, "org.insyn.ui.part.results", "Results triage");
    }

    /** Titles of the hits shown. */
    List<String> titles() {
        show();
        return bot.rows(table("table")).stream().map(r -> r.get(1)).toList();
    }

    /** The addresses of the hits shown (titles repeat when several sources find a page). */
    List<String> urls() {
        show();
        return bot.rows(table("table")).stream().map(r -> r.get(3)).toList();
    }

    String title(String url) {
        return bot.rows(table("table")).stream().filter(r -> r.get(3).equals(url)).findFirst().orElseThrow().get(1);
    }

    ResultsPage selectUrl(String url) {
        show();
        bot.select(table("table"), i -> i.getText(3).equals(url), url);
        return this;
    }

    ResultsPage select(String title) {
        show();
        bot.select(table("table"), i -> i.getText(1).equals(title), title);
        return this;
    }

    /** Triage with the key the part listens for: R relevant, I irrelevant. */
    ResultsPage press(char key) {
        Table t = table("table");
        bot.press(t, key, key);
        return this;
    }

    ResultsPage pressDelete() {
        bot.press(table("table"), (char) 0x7f, SWT.DEL);
        return this;
    }

    String status(String contains) {
        return waitForLabel("status", contains);
    }
}
