package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default layout on the common city laptop (1366×768) and on full HD (1920×1080): in every role's perspective
 * each part shows its controls whole and usable without scrolling or maximizing (every button's full text, a table
 * with room for rows, the note editor five lines high), and no dialog's buttons lie outside it. Screenshots
 * {@code layout-ROLE-WxH-PART.png} and {@code dialog-NAME-WxH.png}.
 */
@ExtendWith(ScreenshotOnFailure.class)
class LayoutUiTest {
    private final Bot bot = new Bot();

    /** The parts a role works in, by tab label (English UI), in the role's perspective. */
    private static final Map<Fixture.Account, List<String>> PARTS = new LinkedHashMap<>();
    static {
        PARTS.put(Fixture.INVESTIGATOR, List.of("Cases", "Case overview", "Search", "Results triage", "Browser", "Evidence", "Notes"));
        PARTS.put(Fixture.FIELD_WORKER, List.of("Search", "Cases", "Results triage", "Browser", "Notes"));
        PARTS.put(Fixture.SUPERVISOR, List.of("Review queue", "Audit log", "Network log", "Statistics"));
        PARTS.put(Fixture.ADMINISTRATOR, List.of("Review queue", "Audit log", "Network log", "Statistics"));
    }

    @Test
    void atTheCommonLaptopSizeEveryPartAndDialogShowsItsControlsWhole() {
        walk(1366, 768);
    }

    @Test
    void atFullHdEveryPartAndDialogShowsItsControlsWhole() {
        walk(1920, 1080);
    }

    private void walk(int width, int height) {
        String size = width + "x" + height;
        List<String> problems = new ArrayList<>();
        try {
            for (Map.Entry<Fixture.Account, List<String>> role : PARTS.entrySet()) {
                size(width, height);
                switchTo(role.getKey(), size, problems);
                size(width, height);
                String who = role.getKey().id();
                for (String tab : role.getValue()) {
                    new WorkbenchPage(bot).showPart(tab);
                    bot.waitUntil(() -> bot.sync(() -> new WorkbenchPage(bot).tab(tab).getParent().getSelection().getText().equals(tab)),
                            tab + " in front");
                    settle();
                    problems.addAll(bot.sync(() -> check(part(tab), tab)));
                    bot.shot("layout-" + who + "-" + size + "-" + tab.toLowerCase().replace(' ', '-'));
                }
                dialog("Help", "org.insyn.ui.dialog.help", () -> menu("Help", "Guide for your role"), size, problems);
                dialog("About", "org.insyn.ui.dialog.about", () -> menu("Help", "About Insyn"), size, problems);
            }
        } finally {
            size(1600, 900);
        }
        assertEquals(List.of(), problems, "at " + size);
    }

    /** Signs the account in through the dialog, checking the dialog's own buttons on the way. */
    private void switchTo(Fixture.Account account, String size, List<String> problems) {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        Shell dialog = bot.byKey(Shell.class, SignInPage.KEY);
        settle();
        problems.addAll(bot.sync(() -> buttonsInside(dialog, "sign-in dialog")));
        bot.screenshot(dialog, Bot.screenshotDir().resolve("dialog-signin-" + size + ".png"));
        new SignInPage(bot).signIn(account);
        String who = account.name() + " \u2013 " + account.roleLabel() + ", " + (account.unit() == null ? "\u2013" : account.unit().name());
        bot.waitUntil(() -> who.equals(bot.byKey(org.eclipse.swt.widgets.Label.class, "org.insyn.ui.signedin.who").getText()), who);
    }

    private void dialog(String name, String key, Runnable open, String size, List<String> problems) {
        bot.run(() -> bot.workbenchShell().forceActive());
        open.run();
        Shell dialog = bot.byKey(Shell.class, key);
        settle();
        problems.addAll(bot.sync(() -> buttonsInside(dialog, name)));
        bot.screenshot(dialog, Bot.screenshotDir().resolve("dialog-" + name.toLowerCase() + "-" + size + ".png"));
        bot.click(bot.byKey(Button.class, key + ".close"));
        bot.waitUntilShowing(key, false);
    }

    /** Chooses an item of the window's menu bar, as a click on it does (the dialog it opens is modal: not waited for). */
    private void menu(String menu, String item) {
        org.eclipse.swt.widgets.MenuItem chosen = bot.sync(() -> {
            for (org.eclipse.swt.widgets.MenuItem top : bot.workbenchShell().getMenuBar().getItems()) {
                if (top.getText().replace("&", "").equals(menu)) {
                    // the workbench fills a menu as it opens
                    top.getMenu().notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
                    for (org.eclipse.swt.widgets.MenuItem i : top.getMenu().getItems()) {
                        if (i.getText().replace("&", "").split("\t")[0].equals(item)) {
                            return i;
                        }
                    }
                }
            }
            throw new AssertionError("no menu item " + menu + " > " + item);
        });
        bot.run(() -> chosen.getDisplay().asyncExec(() -> chosen.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event())));
    }

    private void size(int width, int height) {
        bot.run(() -> {
            Shell shell = bot.workbenchShell();
            shell.setMaximized(false);
            shell.setBounds(0, 0, width, height);
            shell.layout(true, true);
        });
        settle();
        Rectangle now = bot.sync(() -> bot.workbenchShell().getBounds());
        assertTrue(now.width == width && now.height == height, "the window is " + now + ", not " + width + "x" + height);
    }

    /** Lets layouts and background reads finish. */
    private void settle() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bot.run(() -> {
        });
    }

    private Composite part(String tab) {
        String key = switch (tab) {
            case "Cases" -> "cases";
            case "Case overview" -> "caseOverview";
            case "Search" -> "search";
            case "Results triage" -> "results";
            case "Browser" -> "browser";
            case "Evidence" -> "evidence";
            case "Notes" -> "notes";
            case "Review queue" -> "reviewQueue";
            case "Audit log" -> "audit";
            case "Network log" -> "network";
            case "Statistics" -> "statistics";
            default -> throw new IllegalArgumentException(tab);
        };
        return (Composite) bot.widgetsNow().stream().filter(w -> ("org.insyn.ui.part." + key).equals(w.getData(Bot.KEY)))
                .filter(w -> ((Control) w).isVisible()).findFirst().orElseThrow(() -> new AssertionError("part " + tab + " not shown"));
    }

    /** On the UI thread: what in the part is cut, hidden by its parent or too small to use. */
    private static List<String> check(Composite part, String tab) {
        List<String> problems = new ArrayList<>();
        for (Control c : descendants(part)) {
            if (!c.isVisible() || c.getBounds().width == 0 && c.getBounds().height == 0 && c.getLayoutData() instanceof org.eclipse.swt.layout.GridData d
                    && d.exclude) {
                continue;
            }
            // what a person works with; labels wrap or are empty status lines
            if (!(c instanceof Button || c instanceof Text || c instanceof org.eclipse.swt.widgets.Combo || c instanceof Table
                    || c instanceof org.eclipse.swt.custom.StyledText || c instanceof org.eclipse.swt.browser.Browser)) {
                continue;
            }
            String what = tab + " " + name(c);
            if (!inside(c, part)) {
                problems.add(what + " is cut off or outside the part: " + display(c) + " not within " + display(part));
                continue;
            }
            if (c instanceof Button b && (b.getStyle() & SWT.PUSH) != 0) {
                Point want = b.computeSize(SWT.DEFAULT, SWT.DEFAULT);
                if (b.getSize().x < want.x - 2 || b.getSize().y < want.y - 4) {
                    problems.add(what + " shows " + b.getSize() + " of " + want + ": its text \"" + b.getText() + "\" is cut");
                }
            }
            if (c instanceof Table t && t.getSize().y < t.getHeaderHeight() + 2 * t.getItemHeight()) {
                problems.add(what + " is " + t.getSize().y + " px high: no room for two rows");
            }
            if (c instanceof Text t && (t.getStyle() & SWT.MULTI) != 0 && "org.insyn.ui.part.notes.editor".equals(t.getData(Bot.KEY))
                    && t.getClientArea().height < 5 * t.getLineHeight()) {
                problems.add(what + " shows " + t.getClientArea().height / Math.max(1, t.getLineHeight()) + " lines, not five");
            }
        }
        return problems;
    }

    private static List<String> buttonsInside(Shell dialog, String name) {
        List<String> problems = new ArrayList<>();
        Rectangle area = dialog.getDisplay().map(dialog, null, dialog.getClientArea());
        for (Control c : descendants(dialog)) {
            if (c instanceof Button b && (b.getStyle() & SWT.PUSH) != 0 && b.isVisible()) {
                Rectangle r = dialog.getDisplay().map(b.getParent(), null, b.getBounds());
                if (!area.contains(r.x, r.y) || !area.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                    problems.add("the " + name + "'s button \"" + b.getText() + "\" at " + r + " lies outside the dialog " + area);
                }
                Point want = b.computeSize(SWT.DEFAULT, SWT.DEFAULT);
                if (b.getSize().x < want.x - 2) {
                    problems.add("the " + name + "'s button \"" + b.getText() + "\" is cut");
                }
            }
        }
        return problems;
    }

    /** Whether the control lies wholly within the visible area of each of its parents up to the part. */
    private static boolean inside(Control c, Composite part) {
        Rectangle r = display(c);
        for (Composite p = c.getParent(); p != null; p = p.getParent()) {
            Rectangle area = p.getDisplay().map(p, null, p.getClientArea());
            if (r.x < area.x - 1 || r.y < area.y - 1 || r.x + r.width > area.x + area.width + 1 || r.y + r.height > area.y + area.height + 1) {
                return false;
            }
            if (p == part) {
                return true;
            }
        }
        return true;
    }

    private static Rectangle display(Control c) {
        return c.getDisplay().map(c.getParent(), null, c.getBounds());
    }

    private static String name(Widget w) {
        Object key = w.getData(Bot.KEY);
        return key != null ? key.toString() : w.toString();
    }

    private static List<Control> descendants(Composite root) {
        List<Control> all = new ArrayList<>();
        for (Control c : root.getChildren()) {
            all.add(c);
            if (c instanceof Composite comp && !(c instanceof Table)) {
                all.addAll(descendants(comp));
            }
        }
        return all;
    }
}
