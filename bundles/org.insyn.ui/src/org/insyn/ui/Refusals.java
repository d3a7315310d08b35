package org.insyn.ui;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.insyn.core.InsynException;
import org.insyn.core.Rule;

/**
 * The one way the workbench tells a person that something was refused or failed. A policy refusal names the rule (id
 * and title), explains it, and where there is something to do offers it as a button: the message key of the refusal
 * maps to the command that puts it right ({@link #REMEDIES}; e.g. "record the transparency note first" opens the
 * transparency note). Other errors show their message, in the UI language.
 */
@Creatable
public final class Refusals {
    public static final String KEY = "org.insyn.ui.refusal";

    /** Message key of a core refusal to the command that puts it right. */
    static final Map<String, String> REMEDIES = Map.of(
            "policy.noTransparencyNote", Commands.TRANSPARENCY_NOTE,
            "policy.clientSearchNeedsCase", Commands.SHOW_CASES);

    private final ECommandService commands;
    private final EHandlerService handlers;

    @Inject
    public Refusals(ECommandService commands, EHandlerService handlers) {
        this.commands = commands;
        this.handlers = handlers;
    }

    /** Shows the refusal or error to the person at the active window; on the UI thread. */
    public void show(Throwable failure) {
        Display display = Display.getCurrent();
        Shell shell = display.getActiveShell() != null ? display.getActiveShell()
                : java.util.Arrays.stream(display.getShells()).filter(s -> s.getParent() == null && s.isVisible()).findFirst().orElse(null);
        if (failure instanceof InsynException e) {
            Optional<ParameterizedCommand> remedy = Optional.ofNullable(REMEDIES.get(e.key()))
                    .map(id -> commands.createCommand(id, null)).filter(c -> c != null && handlers.canExecute(c));
            new RefusalDialog(shell, e, remedy).open();
        } else {
            System.getLogger(Refusals.class.getName()).log(System.Logger.Level.ERROR, "unexpected failure", failure);
            new RefusalDialog(shell, InsynException.invalid("store.failed", String.valueOf(failure.getMessage() != null
                    ? failure.getMessage() : failure)), Optional.empty()).open();
        }
    }

    private final class RefusalDialog extends Dialog {
        private static final int REMEDY_ID = IDialogConstants.CLIENT_ID + 1;
        private final InsynException refusal;
        private final Optional<ParameterizedCommand> remedy;

        RefusalDialog(Shell parent, InsynException refusal, Optional<ParameterizedCommand> remedy) {
            super(parent);
            this.refusal = refusal;
            this.remedy = remedy;
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(refusal.rule().map(r -> r.cite(Texts.locale())).orElse(Texts.get("refusal.title")));
            Widgets.key(shell, KEY);
        }

        @Override
        protected void initializeBounds() {
            super.initializeBounds();
            org.insyn.ui.dialogs.Fit.onOpen(getShell());
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            area.setLayout(new GridLayout(1, false));
            Label rule = Widgets.key(new Label(area, SWT.WRAP), KEY + ".rule");
            rule.setFont(JFaceResources.getHeaderFont());
            rule.setText(refusal.rule().map(r -> Texts.get("refusal.rule", r.name(), r.title(Texts.locale())))
                    .orElse(Texts.get("refusal.title")));
            Label text = Widgets.key(new Label(area, SWT.WRAP), KEY + ".message");
            text.setText(explanation());
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
            data.widthHint = 460;
            text.setLayoutData(data);
            return area;
        }

        /** The message without the rule cited in front of it: the rule has its own line. */
        private String explanation() {
            String message = Texts.of(refusal);
            String cite = refusal.rule().map((Rule r) -> r.cite(Texts.locale()) + ": ").orElse("");
            return message.startsWith(cite) ? message.substring(cite.length()) : message;
        }

        @Override
        protected void createButtonsForButtonBar(Composite parent) {
            remedy.ifPresent(c -> Widgets.key(createButton(parent, REMEDY_ID, Texts.get("remedy." + c.getId()), true), KEY + ".action"));
            Widgets.key(createButton(parent, IDialogConstants.CLOSE_ID, Texts.get("refusal.close"), remedy.isEmpty()), KEY + ".close");
        }

        @Override
        protected void buttonPressed(int buttonId) {
            close();
            if (buttonId == REMEDY_ID) {
                remedy.ifPresent(handlers::executeHandler);
            }
        }
    }
}
