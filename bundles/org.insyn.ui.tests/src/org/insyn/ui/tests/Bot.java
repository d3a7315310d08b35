package org.insyn.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/**
 * Drives the running workbench from the test thread (Tycho's useUIThread=false), the way SWTBot does:
 * widgets are found by SWTBot's data key, every access goes through the UI thread, every lookup waits
 * with a timeout.
 */
public final class Bot {
    /** SWTBot's widget key: the application names the widgets tests use with it. */
    public static final String KEY = "org.eclipse.swtbot.widget.key";
    public static final long TIMEOUT_MS = 15_000;

    private final Display display;

    public Bot() {
        display = waitFor(Bot::findDisplay, TIMEOUT_MS, "the workbench's SWT display");
        swedishKeyboard();
    }

    private static boolean keyboardSet;

    /**
     * The X server's keyboard is a Swedish one, as in a Swedish office: å, ä and ö have keys of their own, so typed
     * text arrives whole (remapping a key for a letter the layout lacks loses letters when typed fast).
     */
    private static synchronized void swedishKeyboard() {
        if (!keyboardSet) {
            exec("setxkbmap", "se");
            keyboardSet = true;
        }
    }

    /** The workbench's Display lives on another thread; Display.getDefault() here would make a second one. */
    private static Display findDisplay() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Display d = Display.findDisplay(t);
            if (d != null && !d.isDisposed()) {
                return d;
            }
        }
        return null;
    }

    public <T> T sync(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(s.get());
            } catch (RuntimeException e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    public void run(Runnable r) {
        sync(() -> {
            r.run();
            return null;
        });
    }

    /** Polls until the supplier gives a non-null value other than FALSE. */
    public static <T> T waitFor(Supplier<T> s, long timeoutMs, String what) {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            T v = s.get();
            if (v != null && !Boolean.FALSE.equals(v)) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + timeoutMs + " ms for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public void waitUntil(Supplier<Boolean> uiCondition, String what) {
        waitFor(() -> sync(uiCondition), TIMEOUT_MS, what);
    }

    /** Every widget of every shell, items of tool bars included; on the UI thread. */
    List<Widget> widgetsNow() {
        List<Widget> all = new ArrayList<>();
        Deque<Control> todo = new ArrayDeque<>(List.of(display.getShells()));
        while (!todo.isEmpty()) {
            Control c = todo.pop();
            if (c.isDisposed()) {
                continue;
            }
            all.add(c);
            if (c instanceof ToolBar bar) {
                all.addAll(List.of(bar.getItems()));
            }
            if (c instanceof CTabFolder folder) {
                all.addAll(List.of(folder.getItems()));
            }
            if (c instanceof TabFolder folder) {
                all.addAll(List.of(folder.getItems()));
            }
            if (c instanceof Composite comp) {
                todo.addAll(List.of(comp.getChildren()));
            }
        }
        return all;
    }

    private static boolean showing(Widget w) {
        if (w instanceof Control c) {
            return c.isVisible();
        }
        if (w instanceof CTabItem t) {
            return t.getParent().isVisible();
        }
        if (w instanceof TabItem t) {
            return t.getParent().isVisible();
        }
        return w instanceof ToolItem t && t.getParent().isVisible();
    }

    /** Waits for a showing widget of that type and key. */
    public <W extends Widget> W byKey(Class<W> type, String key) {
        return find(type, w -> key.equals(w.getData(KEY)), type.getSimpleName() + " '" + key + "'");
    }

    public <W extends Widget> W find(Class<W> type, Predicate<W> p, String what) {
        return waitFor(() -> sync(() -> widgetsNow().stream()
                .filter(type::isInstance).map(type::cast)
                .filter(w -> showing(w) && p.test(w)).findFirst().orElse(null)), TIMEOUT_MS, what);
    }

    /** Whether a widget with that key shows right now (no waiting). */
    public boolean isShowing(String key) {
        return sync(() -> widgetsNow().stream().anyMatch(w -> key.equals(w.getData(KEY)) && showing(w)));
    }

    public void waitUntilShowing(String key, boolean showing) {
        waitFor(() -> isShowing(key) == showing, TIMEOUT_MS, key + (showing ? " to show" : " to hide"));
    }

    /**
     * Types the text with real key strokes, as a person does: the field is focused and what it held selected, then
     * xdotool types through the X server (XTEST under Xvfb; it maps letters such as å, ä and ö that the keyboard
     * layout lacks), so GTK's input handling, the field's key and modify listeners all see them.
     */
    public void setText(Text t, String s) {
        run(() -> {
            requireUsable(t);
            t.getShell().forceActive();
        });
        // once the window is active (a dialog may move the focus when it first is), the focus goes to the field
        try {
            waitFor(() -> sync(() -> display.getActiveShell() == t.getShell()), 3000, "the field's window active");
        } catch (AssertionError notActiveYet) {
            // without a window manager the active shell is not always reported: the focus below is what counts
        }
        waitUntil(() -> {
            if (display.getFocusControl() != t) {
                t.setFocus();
            }
            return display.getFocusControl() == t;
        }, "the focus on " + t);
        run(t::selectAll);
        if (s.isEmpty()) {
            if (!sync(t::getText).isEmpty()) {
                key(0, SWT.BS, SWT.BS);
            }
        } else {
            xdotool("type", "--delay", "3", "--", s);
        }
        Object field = sync(() -> t.getData(KEY));
        waitUntil(() -> t.getText().equals(s), "\"" + s + "\" typed into " + field);
    }

    private static void xdotool(String... args) {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        exec(command.toArray(String[]::new));
    }

    private static void exec(String... command) {
        List<String> args = List.of(command).subList(1, command.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError(command[0] + " " + String.join(" ", args) + " failed: " + out);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(command[0] + " is needed to drive the keyboard (Debian packages xdotool, x11-xkb-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A person cannot use a disabled or hidden widget: neither can a test. */
    static void requireUsable(Widget w) {
        if (w instanceof Control c && (!c.isEnabled() || !c.isVisible())) {
            throw new AssertionError((c.isVisible() ? "disabled: " : "not visible: ") + c.getData(KEY) + " " + c);
        }
        if (w instanceof ToolItem i && (!i.isEnabled() || !i.getParent().isVisible())) {
            throw new AssertionError("not usable: " + i.getData(KEY) + " " + i);
        }
    }

    /** A click as the widget's own listeners see it. */
    public void click(Widget w) {
        run(() -> {
            requireUsable(w);
            if (w instanceof ToolItem item && (item.getStyle() & SWT.RADIO) != 0) {
                for (ToolItem other : item.getParent().getItems()) {
                    other.setSelection(other == item);
                }
            }
            w.notifyListeners(SWT.Selection, new Event());
        });
    }

    /**
     * A click that does not wait for its listeners: for buttons that open a modal dialog, whose event loop would
     * otherwise hold the test thread until the dialog closes.
     */
    public void clickAsync(Widget w) {
        run(() -> requireUsable(w));
        display.asyncExec(() -> {
            if (!w.isDisposed()) {
                w.notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** Selects the first row that matches, as a click on it does (JFace viewers follow). */
    public void select(Table table, Predicate<TableItem> row, String what) {
        waitUntil(() -> java.util.Arrays.stream(table.getItems()).anyMatch(row), what + " in the table");
        run(() -> {
            TableItem item = java.util.Arrays.stream(table.getItems()).filter(row).findFirst().orElseThrow();
            table.setSelection(item);
            Event e = new Event();
            e.item = item;
            table.notifyListeners(SWT.Selection, e);
        });
    }

    /** Ticks or unticks a row of a check table, as a click on its box does. */
    public void check(Table table, Predicate<TableItem> row, boolean checked, String what) {
        waitUntil(() -> java.util.Arrays.stream(table.getItems()).anyMatch(row), what + " in the table");
        run(() -> {
            TableItem item = java.util.Arrays.stream(table.getItems()).filter(row).findFirst().orElseThrow();
            item.setChecked(checked);
            Event e = new Event();
            e.item = item;
            e.detail = SWT.CHECK;
            table.notifyListeners(SWT.Selection, e);
        });
    }

    /** Each row's cells, as shown. */
    public List<List<String>> rows(Table table) {
        return sync(() -> java.util.Arrays.stream(table.getItems()).map(item -> java.util.stream.IntStream
                .range(0, Math.max(1, table.getColumnCount())).mapToObj(item::getText).toList()).toList());
    }

    public void select(Combo combo, String item) {
        run(() -> {
            int i = combo.indexOf(item);
            if (i < 0) {
                throw new AssertionError(item + " is not among " + List.of(combo.getItems()));
            }
            combo.select(i);
            combo.notifyListeners(SWT.Selection, new Event());
        });
    }

    /**
     * A key pressed and released on the control, with the real keyboard of the X server (XTEST under Xvfb): the
     * control's shell is brought forward and the control focused first.
     */
    public void press(Control control, char character, int keyCode) {
        press(control, 0, character, keyCode);
    }

    /**
     * As {@link #press(Control, char, int)} with modifier keys held down ({@code SWT.ALT}, {@code SWT.CTRL},
     * {@code SWT.SHIFT}): GTK turns Alt and a letter into the mnemonic of the button or label that has it.
     */
    public void press(Control control, int modifiers, char character, int keyCode) {
        run(() -> {
            control.getShell().forceActive();
            control.setFocus();
        });
        waitUntil(() -> display.getFocusControl() == control, "the focus on " + control);
        key(modifiers, character, keyCode);
    }

    /** A key pressed and released, with the modifiers held, wherever the keyboard focus is (a menu, a dialog). */
    public void key(int modifiers, char character, int keyCode) {
        if (keyCode >= SWT.F1 && keyCode <= SWT.F15) {
            // function keys go through xdotool: as SWT posts them they do not arrive once the X keyboard is Swedish
            StringBuilder combo = new StringBuilder();
            if ((modifiers & SWT.CTRL) != 0) {
                combo.append("ctrl+");
            }
            if ((modifiers & SWT.SHIFT) != 0) {
                combo.append("shift+");
            }
            if ((modifiers & SWT.ALT) != 0) {
                combo.append("alt+");
            }
            xdotool("key", combo.append("F").append(keyCode - SWT.F1 + 1).toString());
            run(() -> {
            });
            return;
        }
        List<Integer> held = java.util.stream.IntStream.of(SWT.CTRL, SWT.SHIFT, SWT.ALT).filter(m -> (modifiers & m) != 0).boxed().toList();
        held.forEach(m -> post(SWT.KeyDown, (char) 0, m));
        post(SWT.KeyDown, character, keyCode);
        post(SWT.KeyUp, character, keyCode);
        held.reversed().forEach(m -> post(SWT.KeyUp, (char) 0, m));
    }

    private void post(int type, char character, int keyCode) {
        Event e = new Event();
        e.type = type;
        e.character = character;
        e.keyCode = keyCode;
        run(() -> display.post(e));
    }

    public Shell workbenchShell() {
        return find(Shell.class, s -> s.getParent() == null && s.getText().startsWith("Insyn"), "the Insyn window");
    }

    /** Saves a PNG of what the screen shows of the shell (under Xvfb: exactly what a person would see). */
    public Path screenshot(Shell shell, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot create " + file.getParent(), e);
        }
        run(() -> {
            Rectangle r = shell.getBounds();
            Image img = new Image(display, r.width, r.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(img, r.x, r.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {img.getImageData()};
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                img.dispose();
            }
        });
        return file;
    }

    /** A screenshot of the workbench window as it is now, for a reviewer: target/screenshots/NAME.png. */
    public Path shot(String name) {
        return screenshot(workbenchShell(), screenshotDir().resolve(name + ".png"));
    }

    /** How many colours the control's area shows on the screen now (a blank area has one). */
    public int coloursOnScreen(Composite control) {
        return sync(() -> {
            Rectangle area = control.getClientArea();
            org.eclipse.swt.graphics.Point origin = control.toDisplay(0, 0);
            Image img = new Image(display, Math.max(1, area.width), Math.max(1, area.height));
            GC gc = new GC(display);
            try {
                gc.copyArea(img, origin.x, origin.y);
                ImageData data = img.getImageData();
                java.util.Set<Integer> colours = new java.util.HashSet<>();
                for (int y = 0; y < data.height; y += 2) {
                    for (int x = 0; x < data.width; x += 2) {
                        colours.add(data.getPixel(x, y));
                    }
                }
                return colours.size();
            } finally {
                gc.dispose();
                img.dispose();
            }
        });
    }

    public static Path screenshotDir() {
        return Path.of(System.getProperty("insyn.screenshots", "target/screenshots"));
    }

    public String text(Widget w) {
        return sync(() -> switch (w) {
            case Item i -> i.getText();
            case Text t -> t.getText();
            case Label l -> l.getText();
            case Button b -> b.getText();
            case Combo c -> c.getText();
            case Shell s -> s.getText();
            default -> w.toString();
        });
    }
}
