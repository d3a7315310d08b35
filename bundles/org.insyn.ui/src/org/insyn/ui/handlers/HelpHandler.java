package org.insyn.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.insyn.core.model.Role;
import org.insyn.ui.SignedIn;
import org.insyn.ui.dialogs.HelpDialog;

/** Help › Guide for your role (F1). */
public class HelpHandler {
    @Execute
    public void execute(Shell shell, @Optional SignedIn signedIn) {
        new HelpDialog(shell, signedIn == null ? Role.INVESTIGATOR : signedIn.role()).open();
    }
}
