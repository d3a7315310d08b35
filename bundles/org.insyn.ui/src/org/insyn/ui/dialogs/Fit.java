package org.insyn.ui.dialogs;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * Makes a dialog as large as its contents, button bar included, within the screen. The size JFace computes before
 * the window shows can be too small: the workbench's theme styles the widgets only once they show, and wrapping
 * labels grow when rows appear. So the dialog is fitted again once it shows and whenever its rows change.
 */
public final class Fit {
    private Fit() {
    }

    /** Fits the shell now and again once it has shown. */
    public static void onOpen(Shell shell) {
        fit(shell);
        shell.addListener(SWT.Show, e -> shell.getDisplay().asyncExec(() -> fit(shell)));
        shell.getDisplay().asyncExec(() -> fit(shell));
    }

    /** Grows (never shrinks) the shell to show all its contents, within the screen; keeps it on the screen. */
    public static void fit(Shell shell) {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        shell.layout(true, true);
        Rectangle screen = shell.getMonitor().getClientArea();
        Rectangle now = shell.getBounds();
        Point natural = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        int width = Math.min(Math.max(now.width, natural.x), screen.width);
        Rectangle trim = shell.computeTrim(0, 0, 0, 0);
        Point wanted = shell.computeSize(Math.max(0, width - trim.width), SWT.DEFAULT, true);
        int height = Math.min(Math.max(now.height, wanted.y), screen.height);
        if (width != now.width || height != now.height) {
            int x = Math.max(screen.x, Math.min(now.x, screen.x + screen.width - width));
            int y = Math.max(screen.y, Math.min(now.y, screen.y + screen.height - height));
            shell.setBounds(x, y, width, height);
            shell.layout(true, true);
        }
    }
}
