package org.insyn.ui.parts;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.insyn.core.stats.Table;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * A statistics table as grouped bars drawn with SWT's GC: one group per column (month, reason or outcome), one bar per
 * row (unit). R13: a suppressed cell is drawn as a hatched mark of fixed height, so its size tells nothing. The same
 * content is the canvas's tooltip and accessible description, for those who do not see the bars.
 */
final class StatisticsChart {
    private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44),
            new RGB(214, 39, 40), new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194), new RGB(127, 127, 127) };
    private static final int MARGIN = 8;
    private static final int SUPPRESSED_HEIGHT = 14;
    private static final int WIDEST_BAR = 40;

    private final Canvas canvas;
    private Table table;
    private Function<String, String> rowLabel = Function.identity();
    private Function<String, String> columnLabel = Function.identity();
    private String description = "";

    StatisticsChart(Composite parent, String key) {
        canvas = Widgets.key(new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER), key);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = Texts.get("stats.chart");
            }

            @Override
            public void getDescription(AccessibleEvent e) {
                e.result = description;
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    void show(Table shown, Function<String, String> rows, Function<String, String> columns) {
        table = shown;
        rowLabel = rows;
        columnLabel = columns;
        description = shown == null ? "" : describe();
        canvas.setToolTipText(description);
        canvas.redraw();
    }

    /** Every bar in words: "IFO Norr – 2026-11: 6; 2026-12: suppressed". */
    private String describe() {
        return IntStream.range(0, table.rowKeys().size()).mapToObj(r -> rowLabel.apply(table.rowKeys().get(r)) + " \u2013 "
                + IntStream.range(0, table.columnKeys().size()).mapToObj(c -> columnLabel.apply(table.columnKeys().get(c)) + ": "
                        + value(table.at(r, c))).collect(Collectors.joining("; "))).collect(Collectors.joining("\n"));
    }

    static String value(Optional<Integer> cell) {
        return cell.map(String::valueOf).orElse(Texts.get("stats.suppressed"));
    }

    private void paint(GC gc, Rectangle area) {
        if (table == null || table.rowKeys().isEmpty() || table.columnKeys().isEmpty()) {
            return;
        }
        List<String> rows = table.rowKeys();
        List<String> columns = table.columnKeys();
        int lineHeight = gc.getFontMetrics().getHeight();
        int legendHeight = lineHeight + 4;
        int max = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                max = Math.max(max, table.at(r, c).orElse(0));
            }
        }
        boolean anyShown = max > 0;
        max = Math.max(max, 1);
        int left = area.x + MARGIN + gc.textExtent(String.valueOf(max)).x + 4;
        int top = area.y + MARGIN + legendHeight;
        int bottom = area.y + area.height - MARGIN - lineHeight - 2;
        int right = area.x + area.width - MARGIN;
        if (bottom - top < SUPPRESSED_HEIGHT * 2 || right - left < columns.size() * 4) {
            return;
        }
        Color axis = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW);
        Color grey = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        gc.setForeground(axis);
        gc.drawLine(left, bottom, right, bottom);
        gc.drawLine(left, top, left, bottom);
        if (anyShown) {
            gc.drawText(String.valueOf(max), area.x + MARGIN, top - lineHeight / 2, true);
        }
        gc.drawText("0", left - gc.textExtent("0").x - 4, bottom - lineHeight / 2, true);

        int group = (right - left) / columns.size();
        int bar = Math.min(WIDEST_BAR, Math.max(2, (group - 6) / rows.size()));
        for (int c = 0; c < columns.size(); c++) {
            int x0 = left + c * group + (group - bar * rows.size()) / 2;
            for (int r = 0; r < rows.size(); r++) {
                int x = x0 + r * bar;
                Optional<Integer> cell = table.at(r, c);
                Color color = new Color(PALETTE[r % PALETTE.length]);
                if (cell.isPresent()) {
                    int h = (int) Math.round((double) cell.get() * (bottom - top) / max);
                    gc.setBackground(color);
                    gc.fillRectangle(x, bottom - h, bar - 1, h);
                } else {
                    hatch(gc, color, x, bottom - SUPPRESSED_HEIGHT, bar - 1, SUPPRESSED_HEIGHT);
                }
            }
            gc.setForeground(grey);
            String label = fit(gc, columnLabel.apply(columns.get(c)), group - 2);
            Point size = gc.textExtent(label);
            gc.drawText(label, left + c * group + (group - size.x) / 2, bottom + 2, true);
        }
        legend(gc, rows, area.x + MARGIN, area.y + MARGIN / 2, lineHeight);
    }

    private void legend(GC gc, List<String> rows, int x, int y, int lineHeight) {
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        int at = x;
        for (int r = 0; r < rows.size(); r++) {
            gc.setBackground(new Color(PALETTE[r % PALETTE.length]));
            gc.fillRectangle(at, y + 2, lineHeight - 4, lineHeight - 4);
            String name = rowLabel.apply(rows.get(r));
            gc.drawText(name, at + lineHeight, y, true);
            at += lineHeight + gc.textExtent(name).x + 12;
        }
        hatch(gc, canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY), at, y + 2, lineHeight - 4, lineHeight - 4);
        gc.drawText(Texts.get("stats.suppressed"), at + lineHeight, y, true);
    }

    /** A suppressed cell: an outline with diagonal lines, the same size whatever it hides. */
    private static void hatch(GC gc, Color color, int x, int y, int w, int h) {
        gc.setForeground(color);
        gc.drawRectangle(x, y, w, h);
        gc.setClipping(x, y, w + 1, h + 1);
        for (int d = -h; d < w; d += 4) {
            gc.drawLine(x + d, y + h, x + d + h, y);
        }
        gc.setClipping((Rectangle) null);
    }

    private static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && gc.textExtent(s + "\u2026").x > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }
}
