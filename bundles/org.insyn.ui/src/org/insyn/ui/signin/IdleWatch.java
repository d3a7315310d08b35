package org.insyn.ui.signin;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.insyn.ui.Commands;
import org.insyn.ui.SignedIn;

/**
 * R9: watches the signed-in workspace, which locks itself after the idle time (every call is then refused); once it
 * has, asks for the password again. Signing out instead runs the workbench's sign-out, which asks who signs in next.
 * Watching only reads the lock: it does not count as use.
 */
final class IdleWatch implements Runnable {
    private static final int EVERY_MS = 1000;

    private final IEclipseContext application;
    private final SignedIn watched;
    private final Display display;

    private IdleWatch(IEclipseContext application, SignedIn watched, Display display) {
        this.application = application;
        this.watched = watched;
        this.display = display;
    }

    /** Starts watching this sign-in; the watch ends when someone else signs in or the workbench ends. */
    static void start(IEclipseContext application, SignedIn signedIn) {
        Display display = Display.getDefault();
        display.timerExec(EVERY_MS, new IdleWatch(application, signedIn, display));
    }

    @Override
    public void run() {
        if (display.isDisposed() || application.get(SignedIn.class) != watched) {
            return;
        }
        if (watched.workspace().locked()) {
            Shell shell = display.getActiveShell();
            if (new UnlockDialog(shell, watched).open() != Window.OK) {
                ECommandService commands = application.get(ECommandService.class);
                EHandlerService handlers = application.get(EHandlerService.class);
                ParameterizedCommand signOut = commands.createCommand(Commands.SIGN_OUT, null);
                handlers.executeHandler(signOut);
                return;
            }
        }
        display.timerExec(EVERY_MS, this);
    }
}
