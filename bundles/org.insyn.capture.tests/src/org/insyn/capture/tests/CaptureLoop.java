package org.insyn.capture.tests;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.insyn.capture.internal.CaptureTesting;
import org.insyn.core.model.Capture;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * The child process of {@link CaptureKillTest}: captures a page into a workspace without end, printing
 * "capture ID" after each one is stored, until it is killed. Runs on a plain class path, outside OSGi, so the
 * store's provider is created by name (DS offers it inside OSGi).
 */
public final class CaptureLoop {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long caseId = Long.parseLong(args[1]);
        long justificationId = Long.parseLong(args[2]);
        URI page = URI.create(args[3]);
        URI tsa = URI.create(args[4]);
        WorkspaceProvider provider = (WorkspaceProvider) Class.forName("org.insyn.store.internal.StoreProvider")
                .getConstructor().newInstance();
        CaptureService service = CaptureTesting.service(Optional.of(tsa));
        try (Workspace ws = provider.signIn(WorkspaceConfig.embedded(dir), "anna", CaptureKillTest.PASSWORD.toCharArray())) {
            Session anna = ws.session();
            System.out.println("ready");
            System.out.flush();
            for (;;) {
                Capture c = service.capture(ws, anna, new CaptureService.Request(caseId, justificationId, Optional.empty(), page,
                        RecordClass.MINOR_IMPORTANCE));
                System.out.println("capture " + c.id());
                System.out.flush();
            }
        }
    }
}
