package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;

/** Page object for the Statistics part (Supervision perspective). */
final class StatisticsPage extends PartPage {
    static final String KEY = "org.insyn.ui.part.statistics";

    StatisticsPage(Bot bot) {
        super(bot, KEY, "Statistics");
    }

    static StatisticsPage open(Bot bot) {
        return new StatisticsPage(bot).openIn(WorkbenchPage.SUPERVISION);
    }

    /** Chooses the table by its English name, e.g. "Searches per unit by month". */
    StatisticsPage split(String label) {
        bot.select(bot.byKey(Combo.class, key + ".split"), label);
        return this;
    }

    Table table() {
        return table("table");
    }

    /** The table's rows (unit names first, the total row last) once the searches are counted. */
    List<List<String>> rows() {
        Table table = table();
        bot.waitUntil(() -> table.getItemCount() > 1, "the statistics table");
        return bot.rows(table);
    }

    List<String> header() {
        Table table = table();
        return bot.sync(() -> java.util.Arrays.stream(table.getColumns()).map(c -> c.getText()).toList());
    }

    /** The chart in words (its tooltip and accessible description). */
    String chart() {
        return bot.sync(() -> bot.byKey(Canvas.class, key + ".chart").getToolTipText());
    }

    String summary() {
        return label("summary");
    }
}
