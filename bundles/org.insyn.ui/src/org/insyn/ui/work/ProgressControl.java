package org.insyn.ui.work;

import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * The window's progress line (a tool control in the bottom trim): the running job's name and step, how far it is, and
 * a Cancel button. It is the job manager's progress provider, so it shows every user job, those of
 * {@link Background} and any other; system jobs are not shown.
 */
public class ProgressControl {
    public static final String KEY = "org.insyn.ui.progress";

    private final CopyOnWriteArrayList<Monitor> running = new CopyOnWriteArrayList<>();
    private Display display;
    private Label task;
    private ProgressBar bar;
    private Button cancel;

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        Composite line = Widgets.key(new Composite(parent, SWT.NONE), KEY);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 1;
        line.setLayout(layout);
        task = Widgets.key(new Label(line, SWT.NONE), KEY + ".task");
        GridData taskData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        taskData.widthHint = 360;
        task.setLayoutData(taskData);
        bar = Widgets.key(new ProgressBar(line, SWT.HORIZONTAL), KEY + ".bar");
        GridData barData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        barData.widthHint = 160;
        bar.setLayoutData(barData);
        cancel = Widgets.key(new Button(line, SWT.PUSH), KEY + ".cancel");
        cancel.setText(Texts.get("progress.cancel"));
        cancel.addListener(SWT.Selection, e -> {
            if (!running.isEmpty()) {
                running.get(running.size() - 1).job.cancel();
            }
        });
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return job.isSystem() ? new NullProgressMonitor() : new Monitor(job);
            }
        });
        Job.getJobManager().addJobChangeListener(lifecycle);
        refresh();
    }

    /** A job shows from the moment it runs until it is done, whether or not it reports any progress. */
    private final IJobChangeListener lifecycle = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            monitorOf(event.getJob()).ifPresent(m -> {
                running.addIfAbsent(m);
                later();
            });
        }

        @Override
        public void done(IJobChangeEvent event) {
            if (running.removeIf(m -> m.job == event.getJob())) {
                later();
            }
        }
    };

    private final java.util.Map<Job, Monitor> monitors = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private java.util.Optional<Monitor> monitorOf(Job job) {
        return java.util.Optional.ofNullable(monitors.get(job));
    }

    @PreDestroy
    void dispose() {
        Job.getJobManager().removeJobChangeListener(lifecycle);
        Job.getJobManager().setProgressProvider(null);
    }

    /** Shows the latest job still running, or an idle line. */
    private void refresh() {
        if (task == null || task.isDisposed()) {
            return;
        }
        if (running.isEmpty()) {
            task.setText(Texts.get("progress.idle"));
            bar.setSelection(0);
            bar.setVisible(false);
            cancel.setEnabled(false);
            return;
        }
        Monitor m = running.get(running.size() - 1);
        String text = m.job.getName() + (m.subTask.isEmpty() ? "" : ": " + m.subTask)
                + (running.size() > 1 ? " " + Texts.get("progress.more", running.size() - 1) : "")
                + (m.isCanceled() ? " " + Texts.get("progress.cancelling") : "");
        task.setText(text);
        task.setToolTipText(text);
        bar.setVisible(true);
        bar.setMaximum(1000);
        bar.setSelection(m.total <= 0 ? 0 : (int) Math.min(1000, m.worked * 1000 / m.total));
        cancel.setEnabled(!m.isCanceled());
    }

    private void later() {
        if (!display.isDisposed()) {
            display.asyncExec(this::refresh);
        }
    }

    /** One job's progress, told from the job's thread. */
    private final class Monitor extends NullProgressMonitor {
        final Job job;
        volatile double total;
        volatile double worked;
        volatile String subTask = "";

        Monitor(Job job) {
            this.job = job;
            monitors.put(job, this);
        }

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
            worked = 0;
            later();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            later();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void subTask(String name) {
            subTask = name == null ? "" : name;
            later();
        }

        @Override
        public void setTaskName(String name) {
            subTask(name);
        }

        @Override
        public void setCanceled(boolean cancelled) {
            super.setCanceled(cancelled);
            later();
        }

    }
}
