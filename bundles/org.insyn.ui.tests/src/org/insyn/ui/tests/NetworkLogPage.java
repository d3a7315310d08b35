package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Table;

/** Page object for the Network log part (Supervision perspective). */
final class NetworkLogPage extends PartPage {
    static final String KEY = "org.insyn.ui.part.network";
    /** The column of the address requested. */
    static final int URL = 4;

    NetworkLogPage(Bot bot) {
        super(bot, KEY, "Network log");
    }

    static NetworkLogPage open(Bot bot) {
        return new NetworkLogPage(bot).openIn(WorkbenchPage.SUPERVISION);
    }

    NetworkLogPage filter(String words) {
        type("filter", words);
        return this;
    }

    Table table() {
        return table("table");
    }

    List<List<String>> rows() {
        return bot.rows(table());
    }

    void refresh() {
        click("refresh");
    }
}
