package org.insyn.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolItem;

/** Page object for the workbench window: its perspectives and the parts they show. */
public final class WorkbenchPage {
    public static final String INVESTIGATION = "org.insyn.ui.perspective.investigation";
    public static final String OUTREACH = "org.insyn.ui.perspective.outreach";
    public static final String SUPERVISION = "org.insyn.ui.perspective.supervision";

    private final Bot bot;

    public WorkbenchPage(Bot bot) {
        this.bot = bot;
    }

    public Shell shell() {
        return bot.workbenchShell();
    }

    /** Clicks the perspective's button in the perspective switcher. */
    public WorkbenchPage openPerspective(String id) {
        bot.click(bot.byKey(ToolItem.class, id));
        bot.waitUntil(() -> bot.byKey(ToolItem.class, id).getSelection(), id + " selected");
        return this;
    }

    /** Brings the part's tab to the front, as a click on the tab does. */
    public WorkbenchPage showPart(String label) {
        CTabItem tab = tab(label);
        bot.run(() -> {
            tab.getParent().setSelection(tab);
            Event e = new Event();
            e.item = tab;
            tab.getParent().notifyListeners(SWT.Selection, e);
        });
        return this;
    }

    public CTabItem tab(String label) {
        return bot.find(CTabItem.class, t -> label.equals(t.getText()), "the tab '" + label + "'");
    }

    public boolean hasTab(String label) {
        return bot.sync(() -> bot.widgetsNow().stream().anyMatch(w -> w instanceof CTabItem t && label.equals(t.getText())
                && t.getParent().isVisible()));
    }

    public String perspectiveLabel(String id) {
        return bot.text(bot.byKey(ToolItem.class, id));
    }

    public static String part(String name) {
        return "org.insyn.ui.part." + name;
    }
}
