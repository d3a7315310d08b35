package org.insyn.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.insyn.ui.dialogs.AboutDialog;

/** Help › About Insyn. */
public class AboutHandler {
    @Execute
    public void execute(Shell shell) {
        new AboutDialog(shell).open();
    }
}
