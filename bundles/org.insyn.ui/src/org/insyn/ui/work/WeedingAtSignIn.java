package org.insyn.ui.work;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.e4.core.di.annotations.Optional;
import org.insyn.core.service.Retention;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;

/**
 * R10: weeds what the retention schedule says is due each time someone signs in to a workspace, as a background job
 * that shows its progress and can be cancelled (what was weeded stays weeded; the rest waits for the next time). An
 * application add-on, so it follows every sign-in, at start and on switching user.
 */
public class WeedingAtSignIn {
    @Inject
    private Background background;

    @Inject
    void signedIn(@Optional SignedIn signedIn) {
        if (signedIn == null) {
            return;
        }
        Retention retention = signedIn.session().retention();
        background.run(Texts.get("weeding.job"), monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, Texts.get("weeding.job"), 1000);
            Retention.Result result = retention.weed(new Retention.Progress() {
                private long reported;

                @Override
                public void worked(long done, long total) {
                    long share = total == 0 ? 1000 : done * 1000 / total;
                    progress.worked((int) (share - reported));
                    reported = share;
                }

                @Override
                public boolean cancelled() {
                    return monitor.isCanceled();
                }
            });
            if (result.cancelled()) {
                throw new OperationCanceledException();
            }
            return result;
        }, result -> {
        });
    }
}
