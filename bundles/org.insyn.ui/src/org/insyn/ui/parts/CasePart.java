package org.insyn.ui.parts;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Control;
import org.insyn.core.model.CaseFile;
import org.insyn.core.service.StoreEvent;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.SignedIn;
import org.insyn.ui.StoreEvents;

/**
 * A part about the active case of the signed-in user: it follows the sign-in, the active case, and the committed
 * changes to that case, and shows the case afresh when they change.
 */
abstract class CasePart {
    protected SignedIn signedIn;
    protected CaseFile active;
    private Control root;

    /** Called last in the part's {@code @PostConstruct}: from now on the case is shown and followed. */
    protected void follow(Control controls, SignedIn current, CaseFile c) {
        root = controls;
        signedIn = current;
        caseChanged(c);
    }

    /** Shows the active case (or that there is none) afresh. */
    protected abstract void showCase();

    /** After a committed change in the active case; shows the case afresh unless the part says otherwise. */
    protected void storeChanged(StoreEvent e) {
        showCase();
    }

    protected boolean shown() {
        return signedIn != null && active != null;
    }

    private boolean live() {
        return root != null && !root.isDisposed();
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        boolean changed = s != signedIn;
        signedIn = s;
        if (changed && live()) {
            userChanged();
        }
    }

    /** Someone else signed in (or no one is): forget what was shown for the one before. */
    protected void userChanged() {
    }

    @Inject
    @Optional
    void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile c) {
        active = c;
        if (live()) {
            showCase();
        }
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(StoreEvents.TOPIC) StoreEvent e) {
        if (live() && active != null && e.caseId().equals(java.util.Optional.of(active.id()))) {
            storeChanged(e);
        }
    }
}
