package org.insyn.ui.prefs;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.insyn.core.InsynException;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.FormDialog;

/**
 * The preferences, one tab per concern (Window › Preferences, Ctrl+Shift+P: not Ctrl+comma, which SWT on GTK reports
 * as Ctrl and another letter). Save checks every tab first, then saves them; a mistake or a refusal is said in the
 * dialog, which stays open with everything typed. Ctrl+Page Down and Page Up move between the tabs.
 */
public final class PreferencesDialog extends Dialog {
    public static final String KEY = "org.insyn.ui.prefs";

    private final List<Pane> panes;
    private TabFolder tabs;
    private Label error;

    PreferencesDialog(Shell parent, List<Pane> panes) {
        super(parent);
        this.panes = panes;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get("prefs.title"));
        Widgets.key(shell, KEY);
    }

    @Override
    protected void initializeBounds() {
        super.initializeBounds();
        org.insyn.ui.dialogs.Fit.onOpen(getShell());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        tabs = Widgets.key(new TabFolder(area, SWT.TOP), KEY + ".tabs");
        GridData tabsData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tabsData.widthHint = 640;
        tabs.setLayoutData(tabsData);
        for (Pane pane : panes) {
            TabItem item = Widgets.key(new TabItem(tabs, SWT.NONE), KEY + ".tab." + pane.name());
            item.setText(Texts.get("prefs." + pane.name()));
            Composite tab = new Composite(tabs, SWT.NONE);
            tab.setLayout(new GridLayout(2, false));
            pane.create(tab);
            item.setControl(tab);
        }
        error = Widgets.key(new Label(area, SWT.WRAP), KEY + ".error");
        error.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
        d.widthHint = 600;
        error.setLayoutData(d);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.key(createButton(parent, IDialogConstants.OK_ID, Texts.get("dialog.save"), true), KEY + ".ok");
        Widgets.key(createButton(parent, IDialogConstants.CANCEL_ID, Texts.get("dialog.cancel"), false), KEY + ".cancel");
    }

    @Override
    protected void okPressed() {
        Pane current = null;
        try {
            for (Pane pane : panes) {
                current = pane;
                pane.check();
            }
            for (Pane pane : panes) {
                current = pane;
                pane.save();
            }
        } catch (FormDialog.Invalid e) {
            show(current, e.getMessage());
            return;
        } catch (InsynException e) {
            show(current, Texts.of(e));
            return;
        }
        super.okPressed();
    }

    /** Says what is wrong and shows the tab it is on. */
    private void show(Pane pane, String message) {
        tabs.setSelection(panes.indexOf(pane));
        error.setText(message);
        error.getParent().layout(true, true);
    }
}
