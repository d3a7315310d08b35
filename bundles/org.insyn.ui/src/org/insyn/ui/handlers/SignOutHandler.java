package org.insyn.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.insyn.ui.signin.SignIns;

/** Signs the user out (their workspace is closed) and asks who signs in next; giving up ends the workbench. */
public class SignOutHandler {
    @Execute
    public void execute(MApplication app, Shell shell, EPartService parts, IWorkbench workbench) {
        SignIns.signOut(app.getContext());
        SignIns.ask(shell, app.getContext()).map(SignIns.Outcome::perspective).ifPresentOrElse(parts::switchPerspective, workbench::close);
    }
}
