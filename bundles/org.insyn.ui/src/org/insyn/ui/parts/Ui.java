package org.insyn.ui.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/** The few widget shapes the parts share, each named for tests by its key and labelled from the message bundles. */
public final class Ui {
    /** Times are shown as a Swedish office reads them, in both languages: unambiguous ISO dates, a 24-hour clock. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    private Ui() {
    }

    public static Composite column(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(columns, false));
        return c;
    }

    public static Label heading(Composite parent, String textKey, int span) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Texts.get(textKey));
        l.setFont(JFaceResources.getBannerFont());
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return l;
    }

    public static Label label(Composite parent, String textKey) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Texts.get(textKey));
        return l;
    }

    /** A label whose text changes (state, counts, messages): it wraps and fills its row. */
    public static Label status(Composite parent, String key, int span) {
        Label l = Widgets.key(new Label(parent, SWT.WRAP), key);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        d.widthHint = 200;
        l.setLayoutData(d);
        return l;
    }

    public static Text text(Composite parent, String key, int style, int span) {
        Text t = Widgets.key(new Text(parent, style), key);
        t.setLayoutData(new GridData(SWT.FILL, (style & SWT.MULTI) != 0 ? SWT.FILL : SWT.CENTER, true, (style & SWT.MULTI) != 0, span, 1));
        return t;
    }

    public static Button button(Composite parent, String key, String textKey, Runnable action) {
        Button b = Widgets.key(new Button(parent, SWT.PUSH), key);
        b.setText(Texts.get(textKey));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** A row of buttons under a part's content. */
    public static Composite buttons(Composite parent, int span) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return row;
    }

    /** Makes the row's buttons (and a status label last, which takes the rest) sit side by side. */
    public static void done(Composite row) {
        ((GridLayout) row.getLayout()).numColumns = row.getChildren().length;
    }

    /** R5: everything from the internet is discussion material, never a basis for a decision, and may be wrong. */
    public static Label discussionMaterial(Composite parent, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(Texts.get("r5.banner"));
        l.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        d.widthHint = 200;
        l.setLayoutData(d);
        return l;
    }

    /** A table viewer of rows of one type, with full-row selection. */
    public static TableViewer table(Composite parent, String key, int style, int span) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        Widgets.key(viewer.getTable(), key);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, span, 1));
        return viewer;
    }

    public static <T> void column(TableViewer viewer, String titleKey, int width, Class<T> type, java.util.function.Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(Texts.get(titleKey));
        // never narrower than its heading: a cut heading ("Granskn…") says nothing
        c.getColumn().setWidth(Math.max(width, textWidth(viewer.getTable(), c.getColumn().getText()) + 28));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return type.isInstance(element) ? text.apply(type.cast(element)) : "";
            }
        });
    }

    /** How wide the text is in the control's font, in pixels. */
    public static int textWidth(org.eclipse.swt.widgets.Control control, String text) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(control);
        try {
            gc.setFont(control.getFont());
            return gc.textExtent(text).x;
        } finally {
            gc.dispose();
        }
    }

    /** A field at least as wide as its hint ("ÅÅÅÅ-MM-DD") or {@code width}, whichever is wider. */
    public static void fitHint(Text t, int width) {
        GridData d = (GridData) t.getLayoutData();
        d.widthHint = Math.max(width, textWidth(t, t.getMessage()) + 24);
    }

    /** The height of {@code lines} lines of text in the control's font, for a field or list that must show them. */
    public static int lines(org.eclipse.swt.widgets.Control control, int lines) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(control);
        try {
            gc.setFont(control.getFont());
            return gc.getFontMetrics().getHeight() * lines + 8;
        } finally {
            gc.dispose();
        }
    }

    /** A moment as {@code yyyy-MM-dd HH:mm}, Stockholm time. */
    public static String when(Instant at) {
        return DATE_TIME.format(at);
    }

    /** A day as {@code yyyy-MM-dd}. */
    public static String day(java.time.temporal.TemporalAccessor at) {
        return DATE.format(at);
    }
}
