package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.insyn.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/** A real process killed with SIGKILL in the middle of its writes, again and again: the store stays consistent. */
class CrashTest {
    static final String PASSWORD = "krasch-lösenord";
    static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void R16_aKilledWriterLosesNoCommittedItemLeavesNoPartialOneAndAVerifyingChain() throws Exception {
        long caseId;
        long justificationId;
        try (Workspace admin = new StoreProvider().create(WorkspaceConfig.embedded(dir),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD.toCharArray());
        }
        try (Workspace ws = open()) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Krasch").id();
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            justificationId = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER,
                    "Prov av lagret under avbrott mitt i skrivningar.", SearchMode.CLIENT).id();
        }
        String classPath = ChildJvm.classPath(FrameworkUtil.getBundle(StoreProvider.class));
        int lostNotes = 0;
        int lostCaptures = 0;
        Random random = new Random(20261124L);
        long next = 0;
        int killedWhileWriting = 0;
        for (int round = 0; round < KILLS; round++) {
            ChildJvm.Child started = ChildJvm.start(classPath, List.of(), Map.of("INSYN_PASSWORD", PASSWORD), WriteLoop.class,
                    dir.toString(), Long.toString(caseId), Long.toString(justificationId), Long.toString(next));
            Process child = started.process();
            BufferedReader lines = started.lines();
            Map<Long, Long> committedNotes = new HashMap<>();
            Map<Long, Long> committedCaptures = new HashMap<>();
            String line;
            // let it write for a random while, then kill it wherever it is
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(250));
            while (System.nanoTime() < until && (line = lines.readLine()) != null) {
                record(line, committedNotes, committedCaptures);
            }
            // SIGKILL; what it committed after its last line read is checked as a whole item below all the same
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            next = check(caseId, committedNotes, committedCaptures) + 1;
            lostNotes += committedNotes.size();
            lostCaptures += committedCaptures.size();
            killedWhileWriting++;
        }
        assertEquals(KILLS, killedWhileWriting);
        assertTrue(next > KILLS, "the writer got to write: " + next + " items");
        System.out.printf("CrashTest: %d kills, %d items written, committed but lost after the kill: %d notes, %d captures%n",
                KILLS, next, lostNotes, lostCaptures);
        assertEquals(0, lostNotes + lostCaptures, "every item the writer saw committed is still there after its kill");
    }

    private static void record(String line, Map<Long, Long> notes, Map<Long, Long> captures) {
        String[] f = line.split(" ");
        if (f[0].equals("note")) {
            notes.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
        } else if (f[0].equals("capture")) {
            captures.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
        }
    }

    /**
     * Checks the store after a kill and returns the highest item number stored; removes from the maps the items the
     * writer reported committed that are there, whole.
     */
    private long check(long caseId, Map<Long, Long> committedNotes, Map<Long, Long> committedCaptures) throws Exception {
        try (Workspace ws = open()) {
            Session s = ws.session();
            Map<Long, Note> notes = new HashMap<>();
            s.notes(caseId).forEach(n -> notes.put(n.id(), n));
            long highest = -1;
            for (Note n : notes.values()) {
                long i = Long.parseLong(n.text().substring(5, n.text().indexOf('\n')));
                assertEquals(WriteLoop.text(i), n.text(), "note " + n.id() + " is whole");
                highest = Math.max(highest, i);
            }
            committedNotes.entrySet().removeIf(e -> notes.containsKey(e.getKey())
                    && notes.get(e.getKey()).text().equals(WriteLoop.text(e.getValue())));
            Map<Long, Capture> captures = new HashMap<>();
            s.captures(caseId).forEach(c -> captures.put(c.id(), c));
            for (Capture c : captures.values()) {
                long i = Long.parseLong(c.url().substring(c.url().lastIndexOf('/') + 1));
                assertArrayEquals(WriteLoop.blob(i), ws.blobs().open(c.manifestSha256()).readAllBytes());
                highest = Math.max(highest, i);
            }
            committedCaptures.keySet().removeIf(captures::containsKey);
            for (String hash : ws.blobs().list()) {
                ws.blobs().open(hash).readAllBytes(); // no partial blob is ever visible under a name
            }
            List<AuditEntry> trail = ws.audit().entries(Optional.of(caseId), 0, Integer.MAX_VALUE);
            assertEquals(notes.size(), trail.stream().filter(e -> e.action() == AuditAction.NOTE_SAVED).count(),
                    "each note has its entry and no entry is without its note");
            assertEquals(captures.size(), trail.stream().filter(e -> e.action() == AuditAction.CAPTURE_SAVED).count());
            // a kill between a capture's blobs and its row leaves blobs no capture names: reported, kept; no damage
            List<VerifyReport.Problem> damage = ws.verify().problems().stream()
                    .filter(p -> p.kind() != VerifyReport.Kind.BLOB_UNKNOWN).toList();
            assertEquals(List.of(), damage);
            return highest;
        }
    }

    private Workspace open() {
        return new StoreProvider().signIn(WorkspaceConfig.embedded(dir), "anna", PASSWORD.toCharArray());
    }
}
