package org.insyn.ui.signin;

import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Shell;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreListener;
import org.insyn.core.service.Workspace;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.SignedIn;
import org.insyn.ui.StoreEvents;

/** Signing in and out of the workbench: asks with the dialog and puts the outcome into the application context. */
public final class SignIns {
    /** The perspective each role starts in. */
    public static final Map<Role, String> PERSPECTIVES = Map.of(Role.INVESTIGATOR, "org.insyn.ui.perspective.investigation",
            Role.FIELD_WORKER, "org.insyn.ui.perspective.outreach", Role.SUPERVISOR, "org.insyn.ui.perspective.supervision",
            Role.ADMINISTRATOR, "org.insyn.ui.perspective.supervision");

    private SignIns() {
    }

    /** Who signed in, and whether in another role than the last sign-in (then the role's perspective opens). */
    public record Outcome(SignedIn signedIn, boolean newRole) {
        public String perspective() {
            return PERSPECTIVES.get(signedIn.role());
        }
    }

    /** Shows the sign-in dialog; on success the signed-in user is in the context and their choice remembered. */
    public static Optional<Outcome> ask(Shell parent, IEclipseContext application) {
        SignInDefaults last = SignInDefaults.load();
        Optional<SignInDialog.Choice> choice = new SignInDialog(parent, last).ask();
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        SignInDialog.Choice c = choice.get();
        WorkspaceOpener.Opened o = c.opened();
        Session session = o.workspace().session();
        SignedIn signedIn = new SignedIn(o.workspace(), session, o.user(), c.role(), c.unit(), o.index(), o.location());
        new SignInDefaults(o.location().directory(), o.user().id(), Optional.of(c.role()), c.unit().map(Unit::id),
                o.location().postgresUrl(), o.location().postgresUser()).save();
        publish(application, signedIn);
        return Optional.of(new Outcome(signedIn, !last.role().equals(Optional.of(c.role())) || !last.userId().equals(o.user().id())));
    }

    private static void publish(IEclipseContext application, SignedIn s) {
        IEventBroker broker = application.get(IEventBroker.class);
        StoreListener forward = StoreEvents.forwarder(broker);
        s.workspace().addListener(forward);
        application.set(StoreListener.class, forward);
        application.set(Workspace.class, s.workspace());
        application.set(Session.class, s.session());
        application.set(SearchIndex.class, s.index().orElse(null));
        ActiveCase.set(application, null);
        application.set(SignedIn.class, s);
        IdleWatch.start(application, s);
    }

    /** Takes the signed-in user out of the context and closes their index and workspace. */
    public static void signOut(IEclipseContext application) {
        SignedIn s = application.get(SignedIn.class);
        if (s == null) {
            return;
        }
        application.set(SignedIn.class, null);
        ActiveCase.set(application, null);
        application.set(Session.class, null);
        application.set(SearchIndex.class, null);
        application.set(Workspace.class, null);
        StoreListener forward = application.get(StoreListener.class);
        if (forward != null) {
            s.workspace().removeListener(forward);
            application.remove(StoreListener.class);
        }
        s.index().ifPresent(SearchIndex::close);
        s.workspace().close();
    }
}
