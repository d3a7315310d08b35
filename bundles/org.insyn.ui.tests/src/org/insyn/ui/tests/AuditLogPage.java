package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/** Page object for the Audit log part (Supervision perspective). */
final class AuditLogPage extends PartPage {
    static final String KEY = "org.insyn.ui.part.audit";
    /** The column of what an entry says. */
    static final int DETAIL = 6;

    AuditLogPage(Bot bot) {
        super(bot, KEY, "Audit log");
    }

    static AuditLogPage open(Bot bot) {
        return new AuditLogPage(bot).openIn(WorkbenchPage.SUPERVISION);
    }

    Table table() {
        return table("table");
    }

    List<List<String>> rows() {
        return bot.rows(table());
    }

    /** Chooses an action (by its English label) or "All actions" in the filter. */
    AuditLogPage action(String label) {
        return filter("action", label);
    }

    /** Chooses a user (as the filter lists them: "Name (id)") or "All users". */
    AuditLogPage user(String label) {
        return filter("user", label);
    }

    /** The actions the filter offers, as it words them. */
    List<String> actions() {
        Combo combo = bot.byKey(Combo.class, key + ".action");
        return bot.sync(() -> List.of(combo.getItems()));
    }

    private AuditLogPage filter(String name, String label) {
        Combo combo = bot.byKey(Combo.class, key + "." + name);
        bot.waitUntil(() -> combo.indexOf(label) >= 0, label + " in the " + name + " filter");
        bot.select(combo, label);
        return this;
    }

    AuditLogPage keptHead(String head) {
        type("keptHead", head);
        return this;
    }

    /** Verifies the chain and waits for the outcome. */
    String verify() {
        Label result = bot.byKey(Label.class, key + ".result");
        bot.run(() -> result.setText(""));
        click("verify");
        bot.waitUntil(() -> result.getText().startsWith("The chain is") || result.getText().startsWith("Write"), "the verification");
        return bot.text(result);
    }

    /** The head shown after a verification, "seq:hash". */
    String head() {
        return bot.text(text("head"));
    }
}
