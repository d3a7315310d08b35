package org.insyn.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/** Who is signed in, in which role and unit (top trim), with the button to sign out or switch user. */
public class SignedInControl {
    public static final String KEY = "org.insyn.ui.signedin";

    private Label who;
    @Inject
    @Optional
    org.eclipse.e4.ui.model.application.ui.basic.MWindow window;

    @PostConstruct
    public void createControls(Composite parent, ECommandService commands, EHandlerService handlers, @Optional SignedIn current) {
        Composite line = Widgets.key(new Composite(parent, SWT.NONE), KEY);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 0;
        line.setLayout(layout);
        who = Widgets.key(new Label(line, SWT.NONE), KEY + ".who");
        ToolBar bar = new ToolBar(line, SWT.FLAT | SWT.RIGHT);
        ToolItem signOut = Widgets.key(new ToolItem(bar, SWT.PUSH), KEY + ".switch");
        signOut.setText(Texts.get("signin.switch"));
        signOut.setToolTipText(Texts.get("signin.switch.tooltip"));
        signOut.addListener(SWT.Selection, e -> handlers.executeHandler(commands.createCommand(Commands.SIGN_OUT, null)));
        signedIn(current);
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn signedIn) {
        if (who == null || who.isDisposed()) {
            return;
        }
        who.setText(signedIn == null ? "" : Texts.get("signin.who", signedIn.user().displayName(),
                Texts.get("role." + signedIn.role().name()), signedIn.unit().map(u -> u.name()).orElse("\u2013")));
        who.getParent().getParent().layout(true, true);
        // the window's title says whose workspace this is, as the task bar shows it
        if (window != null) {
            window.setLabel(signedIn == null ? Texts.get("window.title") : Texts.get("window.title.signedIn", who.getText()));
        }
    }
}
