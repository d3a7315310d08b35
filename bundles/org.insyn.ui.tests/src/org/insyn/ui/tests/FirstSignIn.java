package org.insyn.ui.tests;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Signs the investigator in at start, through the real sign-in dialog, as a person would: the workbench (and with it
 * the test run) only starts once somebody has signed in. Started early by the test runtime (see pom.xml), before the
 * application opens the dialog.
 */
public final class FirstSignIn implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Thread t = new Thread(() -> {
            try {
                Fixture.workspace();
                new SignInPage(new Bot()).signIn(Fixture.INVESTIGATOR);
            } catch (Throwable e) {
                System.err.println("the first sign-in of the UI tests failed:");
                e.printStackTrace();
            }
        }, "insyn-ui-tests-first-sign-in");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
