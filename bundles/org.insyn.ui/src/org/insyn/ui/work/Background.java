package org.insyn.ui.work;

import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;
import org.insyn.ui.Refusals;

/**
 * Runs long work (search, capture, export, indexing) as an Eclipse Job, off the UI thread. The window's progress
 * line ({@link ProgressControl}) shows every such job with a Cancel button; the work sees the cancellation through its
 * monitor. The outcome is handed back on the UI thread; a refusal or error is shown by {@link Refusals}. Parts get it
 * by injection: {@code @Inject Background background}.
 */
@Creatable
public final class Background {
    private final UISynchronize ui;
    private final Refusals refusals;

    @Inject
    public Background(UISynchronize ui, Refusals refusals) {
        this.ui = ui;
        this.refusals = refusals;
    }

    /** Work that reports progress to the monitor and checks {@link IProgressMonitor#isCanceled()} as it goes. */
    @FunctionalInterface
    public interface Work<T> {
        T run(IProgressMonitor monitor) throws Exception;
    }

    /** Shows a failure the caller handled itself, the same way as a refusal of the work. */
    public void show(Throwable failure) {
        refusals.show(failure);
    }

    /** Schedules the work; {@code done} gets its result on the UI thread unless it threw (refusals and errors are shown). */
    public <T> Job run(String name, Work<T> work, Consumer<T> done) {
        return run(name, work, done, refusals::show);
    }

    /** As {@link #run(String, Work, Consumer)}, with the caller handling a failure (on the UI thread). */
    public <T> Job run(String name, Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Job job = Job.create(name, monitor -> {
            try {
                T result = work.run(monitor);
                ui.asyncExec(() -> done.accept(result));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (Exception | LinkageError e) {
                ui.asyncExec(() -> failed.accept(e));
                // refusals are the person's to act on; anything else also goes to the log
                return e instanceof org.insyn.core.InsynException ? Status.OK_STATUS
                        : Status.error(name + ": " + e, e);
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static final java.util.concurrent.atomic.AtomicLong TICKETS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A part's call to the store, off the UI thread (the one way every part reads and writes the store: over PostgreSQL
     * each call is a network round trip). {@code show} gets the answer on the UI thread only while {@code owner} lives
     * and this is the part's latest call for {@code what}: a late answer to an earlier call (an earlier key in a filter
     * box, the case chosen before) is dropped. A refusal or failure is shown the usual way.
     */
    public <T> void store(org.eclipse.swt.widgets.Control owner, String what, Work<T> work, Consumer<T> show) {
        store(owner, what, work, show, e -> {
        });
    }

    /** As {@link #store(org.eclipse.swt.widgets.Control, String, Work, Consumer)}; {@code failed} runs after a failure was shown. */
    public <T> void store(org.eclipse.swt.widgets.Control owner, String what, Work<T> work, Consumer<T> show, Consumer<Throwable> failed) {
        String key = "org.insyn.ui.background." + what;
        Long ticket = TICKETS.incrementAndGet();
        owner.setData(key, ticket);
        java.util.function.BooleanSupplier current = () -> !owner.isDisposed() && ticket.equals(owner.getData(key));
        Job job = Job.create(what, monitor -> {
            try {
                T result = work.run(monitor);
                ui.asyncExec(() -> {
                    if (current.getAsBoolean()) {
                        show.accept(result);
                    }
                });
            } catch (Exception | LinkageError e) {
                ui.asyncExec(() -> {
                    if (current.getAsBoolean()) {
                        refusals.show(e);
                        failed.accept(e);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
