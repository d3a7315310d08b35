package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
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

/**
 * R10, R16: a weeding run killed with SIGKILL wherever it is, again and again, leaves every item whole or gone, every
 * item gone named in exactly one weeding entry, no blob file of a weeded capture behind once the workspace is opened
 * again, and a chain that verifies; so does one killed while it closes the database compacted.
 */
class WeedingCrashTest {
    static final String PASSWORD = "gallra-krasch-lösen";
    static final int CASES = 24;
    static final int NOTES = 50;
    static final int CAPTURES = 12;
    static final int KILLS = 8;
    static final Pattern LISTED = Pattern.compile("(notes|captures|hits) \\d+(?: \\[([^\\]]*)\\])?");

    @TempDir
    Path dir;
    final Map<Long, String> minorNotes = new HashMap<>();
    final Map<Long, String> keptNotes = new HashMap<>();
    final Map<Long, Capture> minorCaptures = new HashMap<>();
    final List<Long> cases = new ArrayList<>();

    @Test
    void R10_aKilledWeedingRunLeavesEveryItemWholeOrGoneAndTheChainVerifying() throws Exception {
        fill();
        String classPath = ChildJvm.classPath(FrameworkUtil.getBundle(StoreProvider.class));
        Random random = new Random(20261124L);
        boolean finished = false;
        int kills = 0;
        List<String> output = new ArrayList<>();
        List<Integer> goneAfterEach = new ArrayList<>();
        Path compacting = dir.resolve("insyn.mv.db.tempFile");
        boolean killedWhileCompacting = false;
        for (int round = 0; round <= KILLS && !finished; round++) {
            ChildJvm.Child started = ChildJvm.start(classPath, List.of(), Map.of("INSYN_PASSWORD", PASSWORD), WeedLoop.class,
                    dir.toString());
            Process child = started.process();
            BufferedReader lines = started.lines();
            output.clear();
            String line;
            if (round < KILLS - 1) {
                // a few transactions in, then killed wherever it is: in a batch, between two, in the closing sweep
                int batches = random.nextInt(4);
                while (batches > 0 && (line = lines.readLine()) != null && !line.startsWith("finished")) {
                    batches -= line.startsWith("done") ? 1 : 0;
                }
                Thread.sleep(random.nextInt(40));
                child.destroyForcibly();
                kills++;
            } else if (round == KILLS - 1) {
                // the rest weeded, then killed while closing: H2 is writing the compacted copy of the database
                while ((line = lines.readLine()) != null && !line.startsWith("finished")) {
                    output.add(line);
                }
                while (child.isAlive() && !Files.exists(compacting)) {
                    Thread.onSpinWait();
                }
                killedWhileCompacting = child.isAlive();
                child.destroyForcibly();
                kills++;
            } else {
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    finished |= line.startsWith("finished");
                }
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            goneAfterEach.add(check());
        }
        System.out.printf("WeedingCrashTest: %d kills; items weeded after each run: %s of %d%n", kills, goneAfterEach,
                minorNotes.size() + minorCaptures.size());
        assertTrue(finished, () -> "the last run, not killed, weeded the rest: " + String.join("\n", output));
        assertEquals(KILLS, kills);
        assertTrue(killedWhileCompacting, "a run that weeded closes the database compacted, and was killed doing so");
        assertFalse(Files.exists(compacting), "the half-written copy is gone once the workspace was opened again");
        try (Workspace ws = open()) {
            for (long caseId : cases) {
                assertEquals(1, ws.session().notes(caseId).size(), "only the client-file note stays");
                assertEquals(List.of(), ws.session().captures(caseId));
            }
        }
    }

    /** Closed cases of minor-importance notes and captures (two blob files each), and one client-file note each. */
    private void fill() {
        try (Workspace admin = new StoreProvider().create(WorkspaceConfig.embedded(dir),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD.toCharArray());
            admin.session().retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
        }
        try (Workspace ws = open()) {
            Session anna = ws.session();
            for (int c = 0; c < CASES; c++) {
                long caseId = anna.openCase("north", "Ärende " + c).id();
                cases.add(caseId);
                anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
                long j = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER, "Prov av gallring under avbrott.",
                        SearchMode.CLIENT).id();
                for (int n = 0; n < NOTES; n++) {
                    String text = "Anteckning " + n + " i ärende " + c;
                    minorNotes.put(note(anna, caseId, text, RecordClass.MINOR_IMPORTANCE).id(), text);
                }
                String kept = "Personakt för ärende " + c;
                keptNotes.put(note(anna, caseId, kept, RecordClass.CLIENT_FILE).id(), kept);
                for (int k = 0; k < CAPTURES; k++) {
                    String page = ws.blobs().put(new ByteArrayInputStream(("<html>sida " + c + "/" + k + "</html>").getBytes(StandardCharsets.UTF_8)));
                    String manifest = ws.blobs().put(new ByteArrayInputStream(("manifest " + c + "/" + k).getBytes(StandardCharsets.UTF_8)));
                    Capture capture = anna.saveCapture(new Capture(0, caseId, j, Optional.empty(), "http://127.0.0.1/" + c + "/" + k,
                            "http://127.0.0.1/" + c + "/" + k, 200, Instant.now(), "UTC", "anna", "insyn", Map.of("page.html", page),
                            manifest, Optional.empty(), RecordClass.MINOR_IMPORTANCE, true));
                    minorCaptures.put(capture.id(), capture);
                }
                anna.closeCase(caseId);
            }
        }
    }

    private static Note note(Session s, long caseId, String text, RecordClass recordClass) {
        return s.saveNote(new Note(0, caseId, "anna", text, recordClass, List.of(), List.of(), Instant.now(), Instant.now()));
    }

    /**
     * After a kill (and the opening that finishes its file removals): whole or gone, listed once when gone, verifying.
     * Returns how many items are gone.
     */
    private int check() throws Exception {
        try (Workspace ws = open()) {
            Session anna = ws.session();
            Map<Long, Note> notes = new HashMap<>();
            Map<Long, Capture> captures = new HashMap<>();
            for (long caseId : cases) {
                anna.notes(caseId).forEach(n -> notes.put(n.id(), n));
                anna.captures(caseId).forEach(c -> captures.put(c.id(), c));
            }
            keptNotes.forEach((id, text) -> assertEquals(text, notes.get(id).text(), "client-file note " + id + " is never weeded"));
            minorNotes.forEach((id, text) -> assertTrue(!notes.containsKey(id) || notes.get(id).text().equals(text), "note " + id));
            Set<String> referenced = new TreeSet<>();
            for (Capture c : captures.values()) {
                assertEquals(minorCaptures.get(c.id()), c, "capture " + c.id() + " is whole");
                referenced.add(c.manifestSha256());
                referenced.addAll(c.artifacts().values());
                for (String sha : c.artifacts().values()) {
                    ws.blobs().open(sha).readAllBytes();
                }
            }
            // the blob files of weeded captures went, at the latest when the workspace was opened again
            assertEquals(referenced, new TreeSet<>(ws.blobs().list()));

            Map<String, Integer> listed = new HashMap<>();
            for (AuditEntry e : trail()) {
                if (e.action() == AuditAction.WEEDED && e.target().startsWith("case:")) {
                    Matcher m = LISTED.matcher(e.detail());
                    while (m.find()) {
                        for (long id : ids(m.group(2))) {
                            listed.merge(m.group(1) + ":" + id, 1, Integer::sum);
                        }
                    }
                }
            }
            Set<String> gone = new HashSet<>();
            minorNotes.keySet().stream().filter(id -> !notes.containsKey(id)).forEach(id -> gone.add("notes:" + id));
            minorCaptures.keySet().stream().filter(id -> !captures.containsKey(id)).forEach(id -> gone.add("captures:" + id));
            assertEquals(gone, listed.keySet(), "every item gone is in a weeding entry, and every item listed is gone");
            assertFalse(listed.values().stream().anyMatch(n -> n > 1), "no item is listed twice");
            VerifyReport r = ws.verify();
            assertTrue(r.clean(), r.problems()::toString);
            return gone.size();
        }
    }

    /** The ids of "12, 15-18". */
    private static List<Long> ids(String ranges) {
        List<Long> ids = new ArrayList<>();
        if (ranges == null) {
            return ids;
        }
        for (String part : ranges.split(", ")) {
            String[] ends = part.split("-");
            for (long id = Long.parseLong(ends[0]); id <= Long.parseLong(ends[ends.length - 1]); id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The whole trail, which only an administrator reads (R9). */
    private List<AuditEntry> trail() {
        try (Workspace admin = new StoreProvider().signIn(WorkspaceConfig.embedded(dir), "admin", PASSWORD.toCharArray())) {
            return admin.audit().entries(Optional.empty(), 0, Integer.MAX_VALUE);
        }
    }

    private Workspace open() {
        return new StoreProvider().signIn(WorkspaceConfig.embedded(dir), "anna", PASSWORD.toCharArray());
    }
}
