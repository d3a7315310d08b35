package org.insyn.ui.signin;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
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
        if (signedIn == null || !signedIn.newRole()) {
            return;
        }
        String id = signedIn.perspective();
        for (MPerspectiveStack stack : models.findElements(app, null, MPerspectiveStack.class)) {
            stack.getChildren().stream().filter(p -> p.getElementId().equals(id)).findFirst()
                    .ifPresent((MPerspective p) -> stack.setSelectedElement(p));
        }
    }
}
