package org.insyn.ui.parts;

import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.model.Role;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * A part's content for the roles it is for: anyone signed in in another role (or nobody) sees a line saying whom it is
 * for instead. The store still decides every call; this only keeps a part from offering what the role cannot do.
 */
final class RoleGate {
    private final Composite content;
    private final Label notice;
    private final StackLayout stack = new StackLayout();
    private final Set<Role> roles;

    /** The notice gets the key {@code partKey + ".notForRole"}; {@code noticeKey} is its text. */
    RoleGate(Composite parent, String partKey, Set<Role> roles, String noticeKey) {
        this.roles = roles;
        parent.setLayout(stack);
        content = new Composite(parent, SWT.NONE);
        content.setLayout(new GridLayout());
        Composite noticeArea = new Composite(parent, SWT.NONE);
        noticeArea.setLayout(new GridLayout());
        notice = Widgets.key(new Label(noticeArea, SWT.WRAP), partKey + ".notForRole");
        notice.setText(Texts.get(noticeKey));
        stack.topControl = noticeArea;
    }

    Composite content() {
        return content;
    }

    /**
     * Puts the keyboard focus in the part: on its main control, or on the notice when the part is not for this role.
     * Some control of the active part must have it, or GTK keeps it on a hidden one and the window's keys stop working.
     */
    void focus(Control main) {
        if (stack.topControl == content && main.isVisible()) {
            main.setFocus();
        } else {
            stack.topControl.forceFocus();
        }
    }

    /** Shows the content when the signed-in role is one of the part's; returns whether it does. */
    boolean admit(SignedIn signedIn) {
        boolean admitted = signedIn != null && roles.contains(signedIn.role());
        stack.topControl = admitted ? content : notice.getParent();
        content.getParent().layout(true, true);
        return admitted;
    }
}
