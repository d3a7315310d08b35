package org.insyn.ui;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Subject;
import org.insyn.core.redact.Redactor;

/**
 * R12: text copied out of the workbench leaves it scrubbed of personal details. After every copy or cut with the
 * keyboard (Ctrl+C, Ctrl+X, Ctrl+Insert) in any widget of the workbench, the clipboard's text is replaced by its
 * redacted form: personal identity and coordination numbers, phone numbers, e-mail and street addresses, and the
 * names of the active case's client and relatives. Only plain text is left on the clipboard, so no richer copy (the
 * browser's HTML) carries what the text lost. An application add-on.
 */
public class CopyRedaction {
    @Inject
    private UISynchronize ui;

    private Display display;
    private final Listener afterCopy = this::keyDown;
    private CaseFile active;
    private SignedIn signedIn;

    @PostConstruct
    void start() {
        ui.asyncExec(() -> {
            display = Display.getCurrent();
            display.addFilter(SWT.KeyDown, afterCopy);
        });
    }

    @PreDestroy
    void stop() {
        if (display != null && !display.isDisposed()) {
            display.removeFilter(SWT.KeyDown, afterCopy);
        }
    }

    @Inject
    void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile active, @Optional SignedIn signedIn) {
        this.active = active;
        this.signedIn = signedIn;
    }

    private void keyDown(Event e) {
        boolean copy = (e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'x' || e.keyCode == SWT.INSERT);
        if (copy) {
            // the widget copies after the filters have seen the key
            e.display.asyncExec(this::scrubClipboard);
        }
    }

    /** The active case's client, read at the copy so a name typed since counts. */
    private java.util.Optional<Subject> subject() {
        try {
            return active == null || signedIn == null ? java.util.Optional.empty() : signedIn.session().subject(active.id());
        } catch (RuntimeException unreadable) {
            // e.g. a locked session: the numbers, addresses and the like are still scrubbed
            return java.util.Optional.empty();
        }
    }

    private void scrubClipboard() {
        Clipboard clipboard = new Clipboard(display);
        try {
            String text = (String) clipboard.getContents(TextTransfer.getInstance());
            if (text != null && !text.isEmpty()) {
                String scrubbed = Redactor.forCase(subject(), List.of(), Texts.locale()).scrub(text);
                clipboard.setContents(new Object[] { scrubbed }, new Transfer[] { TextTransfer.getInstance() });
            }
        } finally {
            clipboard.dispose();
        }
    }
}
