package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.insyn.core.InsynException;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server goes away under load: restarted ({@code ./insyn test} passes the command as
 * {@code insyn.pg.restart}), or, without it, every connection of the workspace cut by the server as a restart does.
 * Writers then either succeed or are told in words that the connection was lost; they reconnect by themselves, nothing
 * committed is lost, the trail has an entry for every note and verifies (R16), and the change feed follows again.
 */
class ServerRestartTest {
    static final char[] PASSWORD = "ett-gemensamt-lösenord".toCharArray();
    static final int OUTAGES = 2;

    @TempDir
    Path dir;

    @Test
    void R16_writersReconnectAfterTheServerWentAwayAndLoseNothingCommitted() throws Exception {
        WorkspaceConfig adminDesk = Postgres.config(dir.resolve("admin"));
        StoreProvider provider = new StoreProvider();
        try (Workspace admin = provider.create(adminDesk, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD)) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            for (String p : List.of("anna", "bo", "sara")) {
                admin.accounts().create(new User(p, p, Set.of(p.equals("sara") ? Role.SUPERVISOR : Role.INVESTIGATOR), Set.of("north"), true),
                        PASSWORD);
            }
        }
        Map<Long, String> committed = new ConcurrentHashMap<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Workspace> open = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        try (Workspace sara = provider.signIn(Postgres.same(adminDesk, dir.resolve("sara")), "sara", PASSWORD)) {
            List<StoreEvent> saraHeard = new CopyOnWriteArrayList<>();
            sara.addListener(saraHeard::add);
            for (String p : List.of("anna", "bo")) {
                Workspace ws = provider.signIn(Postgres.same(adminDesk, dir.resolve(p)), p, PASSWORD);
                open.add(ws);
                Session s = ws.session();
                long caseId = s.openCase("north", "Ärende " + p).id();
                s.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, p);
                Thread t = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String text = p + " anteckning " + i;
                        try {
                            Note n = s.saveNote(new Note(0, caseId, p, text, RecordClass.CLIENT_FILE, List.of(), List.of(), Instant.now(),
                                    Instant.now()));
                            committed.put(n.id(), text);
                        } catch (InsynException e) {
                            refusals.add(e.key());
                            pause(100);
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            for (int outage = 0; outage < OUTAGES; outage++) {
                pause(700);
                serverGoesAway(adminDesk);
            }
            pause(1500);
            int before = committed.size();
            pause(1500);
            stop.set(true);
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertTrue(unexpected.isEmpty(), unexpected::toString);
            assertTrue(committed.size() > before, "the writers went on after the server came back");
            assertTrue(refusals.stream().allMatch(k -> k.equals("store.connectionLost")),
                    () -> "a failed call says the connection was lost, in words: " + refusals);
            // the change feed reconnected too: the last notes reached the supervisor's views
            long last = committed.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            long until = System.currentTimeMillis() + 5_000;
            while (saraHeard.stream().noneMatch(e -> e.type() == StoreEvent.Type.NOTE && e.id() == last)
                    && System.currentTimeMillis() < until) {
                pause(50);
            }
            assertTrue(saraHeard.stream().anyMatch(e -> e.type() == StoreEvent.Type.NOTE && e.id() == last),
                    "sara's change feed followed again after the outage");
        } finally {
            stop.set(true);
            open.forEach(Workspace::close);
        }
        try (Workspace sara = provider.signIn(Postgres.same(adminDesk, dir.resolve("sara2")), "sara", PASSWORD);
                Workspace admin = provider.signIn(adminDesk, "admin", PASSWORD)) {
            Map<Long, String> stored = new java.util.HashMap<>();
            sara.session().cases().forEach(c -> sara.session().notes(c.id()).forEach(n -> stored.put(n.id(), n.text())));
            committed.forEach((id, text) -> assertEquals(text, stored.get(id), "committed note " + id + " is there, whole"));
            assertEquals(stored.size(), admin.audit().entries(Optional.empty(), 0, Integer.MAX_VALUE).stream()
                    .filter(e -> e.action() == AuditAction.NOTE_SAVED).count(), "an entry for every note, no entry without its note");
            VerifyReport r = admin.verify();
            assertTrue(r.clean(), r.problems()::toString);
            System.out.printf("ServerRestartTest: %d outages (%s), %d notes committed, %d calls told the connection was lost%n",
                    OUTAGES, System.getProperty("insyn.pg.restart", "").isBlank() ? "connections cut" : "server restarted",
                    committed.size(), refusals.size());
        }
    }

    /** Restarts the server when the test run says how, else has it cut every connection to the workspace's schema. */
    private static void serverGoesAway(WorkspaceConfig config) throws Exception {
        String restart = System.getProperty("insyn.pg.restart", "");
        if (!restart.isBlank()) {
            Process p = new ProcessBuilder("sh", "-c", restart).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, () -> "restart failed: " + out);
            return;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(Postgres.serverUrl());
        String schema = config.postgresUrl().orElseThrow().replaceAll(".*currentSchema=", "");
        try (Connection c = pg.getConnection()) {
            Db.query(c, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND usename LIKE ?",
                    rs -> rs.getBoolean(1), "%" + schema + "%");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
