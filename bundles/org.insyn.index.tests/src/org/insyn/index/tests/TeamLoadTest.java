package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Note;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Shared mode under concurrent load: two and then eight people, each in a JVM of their own with their own profile
 * folder and index, on one schema of the real PostgreSQL server at once. Afterwards every item each reported
 * committed is there and whole, each has its audit entry, the chain verifies (R16), and each person's index holds
 * exactly what their login may see (R9, R3).
 */
class TeamLoadTest {
    static final String PASSWORD = "ett-gemensamt-lösenord";
    static final long WORK_MILLIS = 6_000;

    @TempDir
    Path dir;

    /**
     * Kills of a writer in the middle of its work in {@link #R16_aWriterKilledMidCommitLosesNothingWhileTheOthersGoOn}:
     * five by default to keep the build short, {@code -Dinsyn.team.kills=50} for the full run.
     */
    static final int KILLS = Integer.getInteger("insyn.team.kills", 5);

    @Test
    void R16_R9_twoPeopleInSeparateProcessesWorkAtOnce() throws Exception {
        team(2, 0);
    }

    @Test
    void R16_R9_eightPeopleInSeparateProcessesWorkAtOnce() throws Exception {
        team(8, 0);
    }

    @Test
    void R16_aWriterKilledMidCommitLosesNothingWhileTheOthersGoOn() throws Exception {
        team(3, KILLS);
    }

    /** People at once (one of them the supervisor); with kills, one more writer is killed (SIGKILL) and restarted. */
    private void team(int people, int kills) throws Exception {
        Shared shared = new Shared();
        WorkspaceProvider provider = SharedIndexTest.service(WorkspaceProvider.class);
        List<String> workers = new ArrayList<>();
        try (Workspace admin = provider.create(shared.profile(dir.resolve("admin")),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.AFTER));
            admin.accounts().create(new User("sara", "Sara", Set.of(Role.SUPERVISOR), Set.of("north", "south"), true),
                    PASSWORD.toCharArray());
            for (int i = 1; i < people; i++) {
                String id = "p" + i;
                admin.accounts().create(new User(id, "Person " + i, Set.of(Role.INVESTIGATOR), Set.of(i % 2 == 0 ? "south" : "north"), true),
                        PASSWORD.toCharArray());
                workers.add(id);
            }
            if (kills > 0) {
                admin.accounts().create(new User("k1", "Avbruten", Set.of(Role.INVESTIGATOR), Set.of("north"), true),
                        PASSWORD.toCharArray());
            }
        }
        long work = Math.max(WORK_MILLIS, kills * 2_500L);
        String classPath = childClassPath();
        List<Child> children = new ArrayList<>();
        for (String w : workers) {
            children.add(start(classPath, shared, w, "worker", work, ""));
        }
        children.add(start(classPath, shared, "sara", "supervisor", work, ""));
        List<Child> killed = new ArrayList<>();
        java.util.Random random = new java.util.Random(20261204L);
        for (int k = 0; k < kills; k++) {
            Child victim = start(classPath, shared, "k1", "worker", 60_000, "r" + k);
            victim.awaitLine("note ", TimeUnit.SECONDS.toMillis(240));
            Thread.sleep(100 + random.nextInt(900));
            // SIGKILL wherever it is: between commits or in the middle of one
            victim.process.destroyForcibly();
            assertTrue(victim.process.waitFor(30, TimeUnit.SECONDS));
            killed.add(victim);
        }
        if (kills > 0) {
            children.add(start(classPath, shared, "k1", "worker", 1_000, "last"));
        }
        try {
            check(people, kills, provider, shared, children, killed);
        } finally {
            children.forEach(c -> c.process.destroyForcibly());
        }
    }

    private void check(int people, int kills, WorkspaceProvider provider, Shared shared, List<Child> children, List<Child> killed)
            throws Exception {
        for (Child c : children) {
            c.awaitLine("done", TimeUnit.SECONDS.toMillis(240));
        }
        for (Child c : children) {
            c.tell("check");
        }
        for (Child c : children) {
            String verdict = c.awaitPrefix("index ", TimeUnit.SECONDS.toMillis(60));
            assertTrue(verdict.startsWith("index ok"), () -> c.user + ": " + verdict + "; what it said besides its items: "
                    + c.lines.stream().filter(l -> !l.matches("(note|capture|hit|review) .*") && !l.contains("flyway")).toList());
            assertTrue(c.process.waitFor(60, TimeUnit.SECONDS), c.user + " ends");
            assertEquals(0, c.process.exitValue(), () -> c.user + " ended cleanly: " + c.lines);
            assertTrue(c.lines.stream().noneMatch(l -> l.startsWith("error") || l.contains("Exception")), () -> c.user + ": " + c.lines);
        }

        // the trail as the administrator; the items as the supervisor of both units, who may read every case
        try (Workspace admin = provider.signIn(shared.profile(dir.resolve("admin")), "admin", PASSWORD.toCharArray());
                Workspace sara = provider.signIn(shared.profile(dir.resolve("sara-check")), "sara", PASSWORD.toCharArray())) {
            List<AuditEntry> trail = admin.audit().entries(Optional.empty(), 0, Integer.MAX_VALUE);
            int notes = 0;
            List<Child> all = new ArrayList<>(children);
            all.addAll(killed);
            for (Child c : all) {
                Map<Long, Long> written = c.items("note");
                notes += written.size();
                for (Map.Entry<Long, Long> e : written.entrySet()) {
                    long caseId = trail.stream().filter(a -> a.target().equals("note:" + e.getKey())).findFirst()
                            .orElseThrow(() -> new AssertionError("no audit entry for note " + e.getKey())).caseId().orElseThrow();
                    Note n = sara.session().notes(caseId).stream().filter(x -> x.id() == e.getKey()).findFirst().orElseThrow();
                    assertEquals(TeamWorker.text(c.user + c.run, e.getValue()), n.text(), "note " + n.id() + " is whole");
                }
                if (c.user.equals("k1")) {
                    continue; // the killed writer's counts are checked together below
                }
                assertEquals(written.size(), count(trail, c.user, AuditAction.NOTE_SAVED), c.user + ": an entry per note");
                assertEquals(c.items("capture").size(), count(trail, c.user, AuditAction.CAPTURE_SAVED), c.user + ": per capture");
                assertEquals(c.items("review").size(), count(trail, c.user, AuditAction.JUSTIFICATION_REVIEWED), c.user + ": per review");
            }
            if (kills > 0) {
                // a kill may come after a commit and before its line: the store may hold more than was reported, never less
                long reported = all.stream().filter(c -> c.user.equals("k1")).mapToLong(c -> c.items("note").size()).sum();
                long stored = sara.session().cases().stream().filter(cf -> cf.title().endsWith("k1"))
                        .mapToLong(cf -> sara.session().notes(cf.id()).size()).sum();
                assertTrue(stored >= reported, () -> "committed notes of the killed writer: " + stored + " of " + reported);
                assertEquals(stored, count(trail, "k1", AuditAction.NOTE_SAVED), "each stored note has its entry, no entry lacks its note");
                System.out.printf("TeamLoadTest: writer killed %d times, %d notes stored, none lost%n", kills, stored);
            }
            VerifyReport r = admin.verify();
            assertTrue(r.clean(), r.problems()::toString);
            for (Child c : children) {
                if (!c.user.equals("sara")) {
                    assertTrue(c.items("note").size() > 0, c.user + " got to write");
                }
            }
            System.out.printf("TeamLoadTest: %d people at once, %d notes, %d audit entries, chain verified%n", people, notes, trail.size());
        }
    }

    private static long count(List<AuditEntry> trail, String actor, AuditAction action) {
        return trail.stream().filter(e -> e.actorId().equals(actor) && e.action() == action).count();
    }

    private Child start(String classPath, Shared shared, String user, String role, long work, String run) throws Exception {
        Path profile = dir.resolve(user);
        Files.createDirectories(profile);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m", "-Dinsyn.argon2id=" + System.getProperty("insyn.argon2id", ""),
                "-cp", classPath, TeamWorker.class.getName(), shared.url(), profile.toString(), user, Long.toString(work), role, run);
        pb.environment().put("INSYN_PASSWORD", PASSWORD);
        pb.redirectErrorStream(true);
        return new Child(user, run, pb.start());
    }

    /** A person's process and what it printed. */
    private static final class Child {
        final String user;
        final String run;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Writer stdin;

        Child(String user, String run, Process process) {
            this.user = user;
            this.run = run;
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null;) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    lines.add("error reading: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void tell(String line) throws java.io.IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }

        void awaitLine(String line, long millis) throws InterruptedException {
            awaitPrefix(line, millis);
        }

        String awaitPrefix(String prefix, long millis) throws InterruptedException {
            long until = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < until) {
                Optional<String> l = lines.stream().filter(x -> x.startsWith(prefix)).findFirst();
                if (l.isPresent()) {
                    return l.get();
                }
                if (!process.isAlive() && lines.stream().noneMatch(x -> x.startsWith(prefix))) {
                    Thread.sleep(200); // the reader may still be catching up
                    return lines.stream().filter(x -> x.startsWith(prefix)).findFirst()
                            .orElseThrow(() -> new AssertionError(user + " ended without '" + prefix + "': " + lines));
                }
                Thread.sleep(50);
            }
            throw new AssertionError(user + " did not say '" + prefix + "' in time: " + lines);
        }

        /** Item id to item number, of the lines "kind id number". */
        Map<Long, Long> items(String kind) {
            Map<Long, Long> m = new HashMap<>();
            for (String l : lines) {
                String[] f = l.split(" ");
                if (f[0].equals(kind)) {
                    m.put(Long.parseLong(f[1]), f.length > 2 ? Long.parseLong(f[2]) : 0L);
                }
            }
            return m;
        }
    }

    /**
     * The class path of the index and store bundles, this fragment and every bundle they are wired to, for a plain
     * JVM outside OSGi.
     */
    static String childClassPath() {
        Set<Bundle> bundles = new LinkedHashSet<>();
        collect(FrameworkUtil.getBundle(TeamLoadTest.class), bundles);
        SharedIndexTest.service(WorkspaceProvider.class);
        var ctx = FrameworkUtil.getBundle(TeamLoadTest.class).getBundleContext();
        collect(ctx.getServiceReference(WorkspaceProvider.class).getBundle(), bundles);
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
        if (wiring == null) {
            return;
        }
        for (BundleWire w : wiring.getRequiredWires(null)) {
            collect(w.getProviderWiring().getBundle(), into);
        }
        for (BundleWire w : wiring.getProvidedWires("osgi.wiring.host")) {
            collect(w.getRequirerWiring().getBundle(), into);
        }
    }

    private static List<String> classPathOf(Bundle b) {
        String location = b.getLocation();
        String area = FrameworkUtil.getBundle(TeamLoadTest.class).getBundleContext().getProperty("osgi.install.area");
        Path install = area == null ? Path.of("").toAbsolutePath() : Path.of(area.substring(area.indexOf("file:") + "file:".length()));
        Path p = install.resolve(location.substring(location.indexOf("file:") + "file:".length())).normalize();
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(p)) {
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
