package org.insyn.ui.signin;

import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.dialogs.FormDialog;

/**
 * R9: the workspace locked itself after the idle time; the signed-in person's password opens it again (a wrong one
 * is said here and counted like a sign-in). Signing out instead closes the workspace.
 */
final class UnlockDialog extends FormDialog {
    static final String KEY = "org.insyn.ui.unlock";

    private final SignedIn signedIn;
    private Text password;

    UnlockDialog(Shell parent, SignedIn signedIn) {
        super(parent, KEY, "unlock.title");
        this.signedIn = signedIn;
    }

    @Override
    protected void createFields(Composite area) {
        Label heading = new Label(area, SWT.WRAP);
        heading.setText(Texts.get("unlock.heading", signedIn.user().displayName()));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        heading.setLayoutData(d);
        password = field(area, "unlock.password", "password", SWT.PASSWORD);
        area.getDisplay().asyncExec(() -> {
            if (!password.isDisposed()) {
                password.setFocus();
            }
        });
    }

    @Override
    protected String okLabel() {
        return Texts.get("unlock.ok");
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.CANCEL_ID).setText(Texts.get("unlock.signOut"));
    }

    @Override
    protected void save() {
        char[] typed = password.getTextChars();
        try {
            // Argon2id takes about half a second: the cursor says so
            BusyIndicator.showWhile(getShell().getDisplay(), () -> signedIn.workspace().unlock(typed));
        } finally {
            Arrays.fill(typed, '\0');
            password.setText("");
        }
    }
}
