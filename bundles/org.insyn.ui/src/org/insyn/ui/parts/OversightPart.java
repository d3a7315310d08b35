package org.insyn.ui.parts;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.model.Role;
import org.insyn.core.service.StoreEvent;
import org.insyn.ui.Refusals;
import org.insyn.ui.SignedIn;
import org.insyn.ui.StoreEvents;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.work.Background;

/**
 * A part of the Supervision perspective. It shows its content to the roles it is for; anyone signed in in another role
 * sees a line saying whom it is for (the store still decides every call). It reads the store off the UI thread, and
 * reads again after a sign-in, after the kinds of change it shows, and on F5.
 */
abstract class OversightPart {
    @Inject
    private Background background;
    @Inject
    private Refusals refusals;

    protected SignedIn signedIn;
    private final Set<Role> roles;
    private final String noticeKey;
    private final Set<StoreEvent.Type> follows;
    private final StackLayout stack = new StackLayout();
    private Composite content;
    private Composite notice;
    private Control main;

    /** @param follows the kinds of committed change after which the part reads again */
    protected OversightPart(Set<Role> roles, String noticeKey, Set<StoreEvent.Type> follows) {
        this.roles = roles;
        this.noticeKey = noticeKey;
        this.follows = follows;
    }

    /** First in the part's {@code @PostConstruct}: the area for its controls; the notice gets the key {@code key.notForRole}. */
    protected Composite content(Composite parent, String key) {
        Widgets.key(parent, key);
        parent.setLayout(stack);
        content = new Composite(parent, SWT.NONE);
        content.setLayout(new GridLayout());
        notice = new Composite(parent, SWT.NONE);
        notice.setLayout(new GridLayout());
        Label forRole = Widgets.key(new Label(notice, SWT.WRAP), key + ".notForRole");
        forRole.setText(Texts.get(noticeKey));
        org.eclipse.swt.layout.GridData wrap = new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false);
        wrap.widthHint = 200;
        forRole.setLayoutData(wrap);
        stack.topControl = notice;
        return content;
    }

    /** Last in {@code @PostConstruct}: {@code main} takes the focus, F5 on it (and on {@code alsoF5}) reads again. */
    protected void follow(Control main, SignedIn current, Control... alsoF5) {
        this.main = main;
        Keys.onF5(main, this::refresh);
        for (Control c : alsoF5) {
            Keys.onF5(c, this::refresh);
        }
        signedIn(current);
    }

    /** Forgets what was shown for whoever was signed in before. */
    protected abstract void clear();

    /** Reads what the part shows; called only while someone it is for is signed in. */
    protected abstract void reload();

    protected boolean admitted() {
        return signedIn != null && roles.contains(signedIn.role());
    }

    /** Reads again, if the part is for the one signed in (F5, the part's Refresh button). */
    protected void refresh() {
        if (admitted()) {
            reload();
        }
    }

    private boolean live() {
        return main != null && !main.isDisposed();
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        signedIn = s;
        if (!live()) {
            return;
        }
        stack.topControl = admitted() ? content : notice;
        content.getParent().layout(true, true);
        clear();
        refresh();
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(StoreEvents.TOPIC) StoreEvent e) {
        if (live() && follows.contains(e.type())) {
            refresh();
        }
    }

    /**
     * The keyboard focus goes to the part's main control, or to the notice: some control of the active part must have
     * it, or GTK keeps it on a hidden one and the window's keys stop working.
     */
    @Focus
    void focus() {
        if (stack.topControl == content && main.isVisible()) {
            main.setFocus();
        } else {
            notice.forceFocus();
        }
    }

    /**
     * Reads in the background; the answer is shown only if the part is still open and the same person still signed in
     * (a sign-out closes the workspace under a running read, which then fails unseen).
     */
    protected <T> Job read(String jobName, Background.Work<T> work, Consumer<T> show) {
        SignedIn asked = signedIn;
        return background.run(jobName, work, result -> {
            if (live() && asked == signedIn) {
                show.accept(result);
            }
        }, failure -> {
            if (live() && asked == signedIn) {
                refusals.show(failure);
            }
        });
    }

    /** A filter's value, empty when nothing is typed; what cannot be read says how to write it (the text {@code badKey}). */
    protected static <T> java.util.Optional<T> parse(String text, Function<String, T> parser, String badKey) {
        String s = text.strip();
        if (s.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(parser.apply(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(Texts.get(badKey, s));
        }
    }
}
