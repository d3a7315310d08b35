package org.insyn.ui.dialogs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.InsynException;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * A dialog of labelled fields whose OK saves through a core service. A refusal or a mistake is said in the dialog
 * (with the rule it cites), which stays open with everything typed; only a saved form closes it. Widget keys are the
 * dialog's key plus the field's name; OK and Cancel are {@code KEY.ok} and {@code KEY.cancel}.
 */
public abstract class FormDialog extends Dialog {
    protected final String key;
    private final String titleKey;
    private Label error;

    protected FormDialog(Shell parent, String key, String titleKey) {
        super(parent);
        this.key = key;
        this.titleKey = titleKey;
    }

    /** Adds the fields to a two-column area (label, field). */
    protected abstract void createFields(Composite area);

    /** Saves what was entered; a refusal ({@link InsynException}) or invalid input ({@link Invalid}) is thrown and shown. */
    protected abstract void save();

    /** Input the form itself finds wrong, said with a text of the workbench's message bundle. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Invalid(String textKey, Object... args) {
            super(Texts.get(textKey, args));
        }
    }

    protected String okLabel() {
        return Texts.get("dialog.save");
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(titleKey));
        Widgets.key(shell, key);
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
        area.setLayout(new GridLayout(2, false));
        createFields(area);
        error = Widgets.key(new Label(area, SWT.WRAP), key + ".error");
        error.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        error.setLayoutData(d);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.key(createButton(parent, IDialogConstants.OK_ID, okLabel(), true), key + ".ok");
        Widgets.key(createButton(parent, IDialogConstants.CANCEL_ID, Texts.get("dialog.cancel"), false), key + ".cancel");
    }

    @Override
    protected void okPressed() {
        try {
            save();
            super.okPressed();
        } catch (InsynException e) {
            error.setText(Texts.of(e));
            Fit.fit(getShell());
        } catch (Invalid e) {
            error.setText(e.getMessage());
            Fit.fit(getShell());
        }
    }

    protected Text field(Composite area, String labelKey, String name, int style) {
        new Label(area, SWT.NONE).setText(Texts.get(labelKey));
        Text t = Widgets.key(new Text(area, SWT.BORDER | style), key + "." + name);
        GridData d = new GridData(SWT.FILL, (style & SWT.MULTI) != 0 ? SWT.FILL : SWT.CENTER, true, (style & SWT.MULTI) != 0);
        d.widthHint = 360;
        if ((style & SWT.MULTI) != 0) {
            d.heightHint = 90;
            // Tab moves on to the next field (keyboard access), as in a one-line field
            t.addListener(SWT.Traverse, e -> e.doit |= e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS);
        }
        t.setLayoutData(d);
        return t;
    }

    protected Combo combo(Composite area, String labelKey, String name) {
        new Label(area, SWT.NONE).setText(Texts.get(labelKey));
        Combo c = Widgets.key(new Combo(area, SWT.READ_ONLY), key + "." + name);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return c;
    }

    /** The text with surrounding blanks removed, empty when nothing was typed. */
    protected static java.util.Optional<String> optional(Text t) {
        return java.util.Optional.of(t.getText().strip()).filter(s -> !s.isEmpty());
    }
}
