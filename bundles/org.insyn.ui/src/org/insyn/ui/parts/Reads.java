package org.insyn.ui.parts;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.insyn.ui.Refusals;
import org.insyn.ui.SignedIn;
import org.insyn.ui.work.Background;

/**
 * A part's reads of the store, off the UI thread: the answer is shown only if the part is still open and the same
 * person is still signed in (a sign-out closes the workspace under a running read, which then fails unseen).
 */
final class Reads {
    private final Background background;
    private final Refusals refusals;
    private final Control owner;
    private final Supplier<SignedIn> current;

    Reads(Background background, Refusals refusals, Control owner, Supplier<SignedIn> current) {
        this.background = background;
        this.refusals = refusals;
        this.owner = owner;
        this.current = current;
    }

    <T> Job run(String jobName, Background.Work<T> work, Consumer<T> show) {
        SignedIn asked = current.get();
        return background.run(jobName, work, result -> {
            if (!owner.isDisposed() && asked == current.get()) {
                show.accept(result);
            }
        }, failure -> {
            if (!owner.isDisposed() && asked == current.get()) {
                refusals.show(failure);
            }
        });
    }
}
