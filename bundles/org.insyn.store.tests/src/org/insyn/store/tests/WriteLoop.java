package org.insyn.store.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;

/**
 * The child process of {@link CrashTest}: writes notes, blobs and captures into a workspace without end, printing a
 * line for each one after it is committed, until it is killed. Runs on a plain class path, outside OSGi.
 */
public final class WriteLoop {

    /** The text of item {@code i}: long enough to span pages, and checkable from its first line. */
    static String text(long i) {
        return "item " + i + "\n" + ("Anteckning " + i + " om ärendet. ").repeat(200);
    }

    static byte[] blob(long i) {
        return text(i).repeat(10).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long caseId = Long.parseLong(args[1]);
        long justificationId = Long.parseLong(args[2]);
        long i = Long.parseLong(args[3]);
        try (Workspace ws = new StoreProvider().signIn(WorkspaceConfig.embedded(dir), "anna",
                System.getenv("INSYN_PASSWORD").toCharArray())) {
            Session s = ws.session();
            System.out.println("ready");
            System.out.flush();
            for (;; i++) {
                Note n = s.saveNote(new Note(0, caseId, "anna", text(i), RecordClass.MINOR_IMPORTANCE, List.of(), List.of(),
                        Instant.now(), Instant.now()));
                System.out.println("note " + n.id() + " " + i);
                String hash = ws.blobs().put(new ByteArrayInputStream(blob(i)));
                System.out.println("blob " + hash + " " + i);
                Capture c = s.saveCapture(new Capture(0, caseId, justificationId, Optional.empty(), "http://127.0.0.1/" + i,
                        "http://127.0.0.1/" + i, 200, Instant.now(), "UTC", "anna", "insyn", Map.of("page.html", hash), hash,
                        Optional.empty(), RecordClass.MINOR_IMPORTANCE, true));
                System.out.println("capture " + c.id() + " " + i);
                System.out.flush();
            }
        }
    }
}
