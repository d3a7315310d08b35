package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

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
        String classPath = childClassPath();
        int lostNotes = 0;
        int lostCaptures = 0;
        Random random = new Random(20261124L);
        long next = 0;
        int killedWhileWriting = 0;
        for (int round = 0; round < KILLS; round++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath, WriteLoop.class.getName(), dir.toString(),
                    Long.toString(caseId), Long.toString(justificationId), Long.toString(next));
            pb.environment().put("INSYN_PASSWORD", PASSWORD);
            pb.redirectErrorStream(true);
            Process child = pb.start();
            Map<Long, Long> committedNotes = new HashMap<>();
            Map<Long, Long> committedCaptures = new HashMap<>();
            List<String> output = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.equals("ready")) {
                output.add(line);
            }
            assertEquals("ready", line, () -> "the writer did not start: " + String.join("\n", output) + "\nclass path: " + classPath);
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

    /**
     * The class path of the store bundle, its fragments (this one holds the write loop) and every bundle it is wired
     * to, for a plain JVM outside OSGi.
     */
    static String childClassPath() {
        Bundle store = FrameworkUtil.getBundle(StoreProvider.class);
        Set<Bundle> bundles = new LinkedHashSet<>();
        collect(store, bundles);
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle b : bundles) {
            entries.addAll(classPathOf(b));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void collect(Bundle b, Set<Bundle> into) {
        if (b.getBundleId() == 0 || !into.add(b)) {
            return;
        }
        BundleWiring wiring = b.adapt(BundleWiring.class);
        for (BundleWire w : wiring.getRequiredWires(null)) {
            collect(w.getProviderWiring().getBundle(), into);
        }
        for (BundleWire w : wiring.getProvidedWires("osgi.wiring.host")) {
            collect(w.getRequirerWiring().getBundle(), into);
        }
    }

    private static Path installArea(Bundle b) {
        String area = b.getBundleContext() != null ? b.getBundleContext().getProperty("osgi.install.area")
                : FrameworkUtil.getBundle(StoreProvider.class).getBundleContext().getProperty("osgi.install.area");
        return area == null ? Path.of("").toAbsolutePath() : Path.of(area.substring(area.indexOf("file:") + "file:".length()));
    }

    private static List<String> classPathOf(Bundle b) {
        String location = b.getLocation();
        // relative locations are relative to the framework's install area (Equinox resolves them so)
        Path p = installArea(b).resolve(location.substring(location.indexOf("file:") + "file:".length())).normalize();
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(p)) {
            // a reactor project: its classes under target/, its resources (db/migration) at its root
            for (String out : new String[] { "target/classes", "target/test-classes" }) {
                if (Files.isDirectory(p.resolve(out))) {
                    entries.add(p.resolve(out).toString());
                }
            }
        }
        entries.add(p.toString());
        return entries;
    }
}
