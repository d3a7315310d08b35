package org.insyn.ui.dialogs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Help › About: the product's version, and the libraries it runs on with the version running and their licences. */
public final class AboutDialog extends Dialog {
    public static final String KEY = "org.insyn.ui.dialog.about";

    /** Bundle name prefix → the library's name and licence (SPDX). Versions are read from the running framework. */
    private static final Map<String, String[]> LIBRARIES = new LinkedHashMap<>();
    static {
        LIBRARIES.put("org.eclipse.swt", new String[] { "Eclipse Platform (SWT, JFace, e4, Equinox)", "EPL-2.0" });
        LIBRARIES.put("wrapped.org.apache.lucene.lucene-core", new String[] { "Apache Lucene", "Apache-2.0" });
        LIBRARIES.put("org.apache.pdfbox", new String[] { "Apache PDFBox", "Apache-2.0" });
        LIBRARIES.put("bcprov", new String[] { "Bouncy Castle", "MIT" });
        LIBRARIES.put("wrapped.org.netpreserve.jwarc", new String[] { "jwarc", "Apache-2.0" });
        LIBRARIES.put("com.h2database", new String[] { "H2 Database Engine", "MPL-2.0 OR EPL-1.0" });
        LIBRARIES.put("org.postgresql.jdbc", new String[] { "PostgreSQL JDBC Driver", "BSD-2-Clause" });
        LIBRARIES.put("org.flywaydb.core", new String[] { "Flyway", "Apache-2.0" });
        LIBRARIES.put("com.fasterxml.jackson.core.jackson-databind", new String[] { "Jackson", "Apache-2.0" });
        LIBRARIES.put("org.jsoup", new String[] { "jsoup", "MIT" });
        LIBRARIES.put("com.github.librepdf.openpdf", new String[] { "OpenPDF", "LGPL-2.1 OR MPL-2.0" });
        LIBRARIES.put("org.apache.felix.scr", new String[] { "Apache Felix SCR", "Apache-2.0" });
        LIBRARIES.put("org.apache.batik.css", new String[] { "Apache Batik", "Apache-2.0" });
        LIBRARIES.put("com.sun.jna", new String[] { "Java Native Access", "Apache-2.0 OR LGPL-2.1" });
        LIBRARIES.put("org.objectweb.asm", new String[] { "ASM", "BSD-3-Clause" });
    }

    public AboutDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get("about.title"));
        Widgets.key(shell, KEY);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void initializeBounds() {
        super.initializeBounds();
        Fit.onOpen(getShell());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Bundle ui = FrameworkUtil.getBundle(AboutDialog.class);
        Label version = Widgets.key(new Label(area, SWT.WRAP), KEY + ".version");
        version.setText(Texts.get("about.version", ui == null ? "" : ui.getVersion().toString()));
        version.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        Label what = new Label(area, SWT.WRAP);
        what.setText(Texts.get("about.what"));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
        d.widthHint = 520;
        what.setLayoutData(d);
        Table table = Widgets.key(new Table(area, SWT.BORDER | SWT.FULL_SELECTION), KEY + ".libraries");
        table.setHeaderVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = table.getItemHeight() * 12;
        table.setLayoutData(td);
        for (String[] c : new String[][] { { "about.library", "280" }, { "about.libraryVersion", "110" }, { "about.licence", "170" } }) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(Texts.get(c[0]));
            column.setWidth(Integer.parseInt(c[1]));
        }
        Bundle[] running = ui == null ? new Bundle[0] : ui.getBundleContext().getBundles();
        LIBRARIES.forEach((prefix, library) -> {
            for (Bundle b : running) {
                if (b.getSymbolicName() != null && b.getSymbolicName().startsWith(prefix)) {
                    new TableItem(table, SWT.NONE).setText(new String[] { library[0], b.getVersion().toString(), library[1] });
                    return;
                }
            }
        });
        new TableItem(table, SWT.NONE).setText(new String[] { "Chromium", Texts.get("about.system"), "BSD-3-Clause" });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.key(createButton(parent, IDialogConstants.OK_ID, Texts.get("dialog.close"), true), KEY + ".close");
    }
}
