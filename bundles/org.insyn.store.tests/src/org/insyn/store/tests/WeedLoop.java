package org.insyn.store.tests;

import java.nio.file.Path;

import org.insyn.core.service.Retention;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;

/**
 * The child process of {@link WeedingCrashTest}: opens the workspace (which finishes the file removals a killed run left)
 * and weeds everything due, printing a line after each committed transaction, until it is done or killed.
 */
public final class WeedLoop {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (Workspace ws = new StoreProvider().signIn(WorkspaceConfig.embedded(dir), "anna", System.getenv("INSYN_PASSWORD").toCharArray())) {
            System.out.println("ready");
            System.out.flush();
            Retention.Result r = ws.session().retention().weed((done, total) -> {
                System.out.println("done " + done + " of " + total);
                System.out.flush();
            });
            System.out.println("finished " + r.total());
            System.out.flush();
        }
    }
}
