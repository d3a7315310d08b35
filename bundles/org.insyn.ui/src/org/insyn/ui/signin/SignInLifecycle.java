package org.insyn.ui.signin;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * The application's life cycle (plugin.xml, {@code lifeCycleURI}): nobody works without signing in first, and the
 * workspace is closed when the workbench ends.
 */
public class SignInLifecycle {
    private SignIns.Outcome signedIn;

    @PostContextCreate
    void signIn(IEclipseContext application, IEventBroker broker) {
        // before e4 reads the saved layout, which happens after this method
        SavedLayout.dropIfModelChanged();
        signedIn = SignIns.ask(null, application).orElse(null);
        if (signedIn == null) {
            // Nothing is open yet and e4 has no way to stop the start from here: leave before the window shows.
            System.exit(0);
        }
        broker.subscribe(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED, event -> SignIns.signOut(application));
    }

    /**
     * Someone signing in as another user or in another role than last time starts in the role's perspective; the
     * same person in the same role finds the layout they left.
     */
    @ProcessAdditions
    void openRolePerspective(MApplication app, EModelService models) {
        fitToScreen(app);
        if (signedIn == null || !signedIn.newRole()) {
            return;
        }
        String id = signedIn.perspective();
        for (MPerspectiveStack stack : models.findElements(app, null, MPerspectiveStack.class)) {
            stack.getChildren().stream().filter(p -> p.getElementId().equals(id)).findFirst()
                    .ifPresent((MPerspective p) -> stack.setSelectedElement(p));
        }
    }

    /**
     * A window larger than the screen (the model's size on a 1366×768 laptop, or a layout saved on a larger screen)
     * would hide its lower parts and buttons: it opens filling the screen instead.
     */
    private static void fitToScreen(MApplication app) {
        Display display = Display.getCurrent();
        if (display == null) {
            return;
        }
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        for (MWindow w : app.getChildren()) {
            if (w.getWidth() > screen.width || w.getHeight() > screen.height) {
                w.setX(screen.x);
                w.setY(screen.y);
                w.setWidth(Math.min(w.getWidth() <= 0 ? screen.width : w.getWidth(), screen.width));
                w.setHeight(Math.min(w.getHeight() <= 0 ? screen.height : w.getHeight(), screen.height));
            }
        }
    }
}
