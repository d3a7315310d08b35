package org.insyn.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.index.internal.IndexService;
import org.insyn.store.internal.StoreProvider;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Shared mode under load on loopback PostgreSQL: N simulated people, each with their own workspace, login and
 * per-person index, doing a mix for {@value #SECONDS} s (a note; every fourth time a capture with two blobs; a search
 * run with a stored hit, triaged, and a search of the own index; every fifth time a justification the supervisor
 * reviews). Reported per run: operations per second, p50 and p99 per operation in ms, and the p99 of the index lag (a
 * note committed by one person until it is in the supervisor's index through the change feed). {@link #ceiling}
 * makes the same number of writers do what a note costs the database (lock the chain head, insert the row, its
 * audit entry and its change, move the head) through plain JDBC: the store's ceiling. One shot each; the figures are
 * the counters (named peak…: the table shows them as they are).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class TeamBenchmark {
    static final int SECONDS = 10;

    @Param({ "1", "4", "16", "32" })
    public int workers;

    private Path dir;
    private String url;
    private final List<Workspace> open = new ArrayList<>();
    private final List<SearchIndex> indexes = new ArrayList<>();
    private Workspace supervisor;

    /** The figures of one shot. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Figures {
        public double peakOpsPerSecond;
        public double peakNoteP50Ms;
        public double peakNoteP99Ms;
        public double peakCaptureP50Ms;
        public double peakCaptureP99Ms;
        public double peakSearchP50Ms;
        public double peakSearchP99Ms;
        public double peakReviewP50Ms;
        public double peakReviewP99Ms;
        public double peakIndexLagP99Ms;
        public double peakJdbcNotesPerSecond;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // accounts made here use a cheap Argon2id: the sign-in's own cost is SignInBenchmark's
        System.setProperty("insyn.argon2id", "m=1024,t=1,p=1");
        String server = System.getProperty("insyn.pg.url", "");
        if (server.isBlank()) {
            throw new IllegalStateException("no PostgreSQL: run ./insyn bench, or pass -Dinsyn.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB");
        }
        url = server + (server.contains("?") ? "&" : "?") + "currentSchema=team" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        dir = Files.createTempDirectory("insyn-bench-team");
        try (Workspace admin = Workspaces.admin(profile("admin"))) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.AFTER));
            admin.accounts().create(new User("sup", "Sara", Set.of(Role.SUPERVISOR), Set.of("north", "south"), true), Workspaces.PASSWORD.clone());
            for (int i = 0; i < workers; i++) {
                admin.accounts().create(new User("w" + i, "Person " + i, Set.of(Role.INVESTIGATOR), Set.of(i % 2 == 0 ? "north" : "south"), true),
                        Workspaces.PASSWORD.clone());
            }
        }
        supervisor = signIn("sup");
        indexes.add(new IndexService().open(profile("sup"), supervisor, (d, t) -> {
        }));
    }

    private WorkspaceConfig profile(String who) {
        return WorkspaceConfig.shared(dir.resolve(who), url, Optional.empty(), Optional.empty());
    }

    private Workspace signIn(String who) {
        Workspace ws = new StoreProvider().signIn(profile(who), who, Workspaces.PASSWORD.clone());
        open.add(ws);
        return ws;
    }

    @Benchmark
    public void mix(Figures f) throws Exception {
        Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        for (String op : List.of("note", "capture", "search", "review", "lag")) {
            times.put(op, new ConcurrentLinkedQueue<>());
        }
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        // the supervisor's index is told before this listener (added later), so the lag is until it is searchable
        supervisor.addListener(e -> {
            Long at = e.type() == StoreEvent.Type.NOTE && !e.deleted() ? committedAt.remove(e.id()) : null;
            if (at != null) {
                times.get("lag").add(System.nanoTime() - at);
            }
        });
        AtomicLong ops = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
        for (int w = 0; w < workers; w++) {
            String who = "w" + w;
            Workspace ws = signIn(who);
            SearchIndex index = new IndexService().open(profile(who), ws, (d, t) -> {
            });
            indexes.add(index);
            threads.add(Thread.ofPlatform().name(who).start(() -> {
                try {
                    work(who, ws, index, until, times, committedAt, ops);
                } catch (Throwable e) {
                    failed.add(e);
                }
            }));
        }
        threads.add(Thread.ofPlatform().name("sup").start(() -> {
            while (System.nanoTime() < until) {
                for (Justification j : supervisor.session().reviewQueue()) {
                    long t0 = System.nanoTime();
                    supervisor.session().review(j.id(), ReviewDecision.APPROVE, "Godkänd.");
                    times.get("review").add(System.nanoTime() - t0);
                    ops.incrementAndGet();
                }
                sleep(50);
            }
        }));
        for (Thread t : threads) {
            t.join();
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("a simulated person failed", failed.peek());
        }
        sleep(2000); // the last notes reach the supervisor's index
        f.peakOpsPerSecond = ops.get() / (double) SECONDS;
        f.peakNoteP50Ms = percentile(times.get("note"), 50);
        f.peakNoteP99Ms = percentile(times.get("note"), 99);
        f.peakCaptureP50Ms = percentile(times.get("capture"), 50);
        f.peakCaptureP99Ms = percentile(times.get("capture"), 99);
        f.peakSearchP50Ms = percentile(times.get("search"), 50);
        f.peakSearchP99Ms = percentile(times.get("search"), 99);
        f.peakReviewP50Ms = percentile(times.get("review"), 50);
        f.peakReviewP99Ms = percentile(times.get("review"), 99);
        f.peakIndexLagP99Ms = percentile(times.get("lag"), 99);
    }

    private static void work(String who, Workspace ws, SearchIndex index, long until, Map<String, ConcurrentLinkedQueue<Long>> times,
            Map<Long, Long> committedAt, AtomicLong ops) {
        Session s = ws.session();
        String unit = ws.user().unitIds().iterator().next();
        long caseId = s.openCase(unit, "Ärende " + who).id();
        s.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, who);
        Justification j = s.justify(Optional.of(caseId), unit, ReasonCategory.INCORRECT_INFORMATION, "Uppgifter behöver kontrolleras.",
                SearchMode.CLIENT);
        for (int i = 0; System.nanoTime() < until; i++) {
            String word = "zq" + who + "x" + i;
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            Note n = s.saveNote(new Note(0, caseId, who, word + " " + SwedishNotes.text(new java.util.Random(i)), RecordClass.CLIENT_FILE, List.of(), List.of(),
                    now, now));
            long t1 = System.nanoTime();
            committedAt.put(n.id(), t1);
            times.get("note").add(t1 - t0);
            if (i % 4 == 0) {
                t0 = System.nanoTime();
                String page = ws.blobs().put(new ByteArrayInputStream(("<html><body>" + word + " " + SwedishNotes.text(new java.util.Random(i + 1)) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8)));
                String shot = ws.blobs().put(new ByteArrayInputStream(new byte[200_000 + i]));
                s.saveCapture(new Capture(0, caseId, j.id(), Optional.empty(), "http://127.0.0.1/" + word, "http://127.0.0.1/" + word, 200,
                        now, "Europe/Stockholm", who, "insyn", Map.of("page.html", page, "screenshot.png", shot), shot, Optional.empty(),
                        RecordClass.CLIENT_FILE, true));
                times.get("capture").add(System.nanoTime() - t0);
                ops.incrementAndGet();
            }
            t0 = System.nanoTime();
            long run = s.startSearch(j.id(), "\"Lo Zlatanović\"", List.of("forums")).id();
            Hit hit = s.addHits(run, List.of(new Session.HitDraft("forums", "http://127.0.0.1/t/" + word, "Tråd " + i, "Säljer en bil",
                    Optional.empty(), Optional.of("nisse")))).get(0);
            s.triage(hit.id(), i % 2 == 0 ? Relevance.RELEVANT : Relevance.IRRELEVANT);
            index.search(SearchQuery.of(word));
            times.get("search").add(System.nanoTime() - t0);
            if (i % 5 == 0) {
                s.justify(Optional.of(caseId), unit, ReasonCategory.INCORRECT_INFORMATION, "Ny kontroll " + i + ".", SearchMode.CLIENT);
            }
            ops.addAndGet(2);
        }
    }

    /** The same writers through plain JDBC, doing what a note costs the database: the store's ceiling. */
    @Benchmark
    public void ceiling(Figures f) throws Exception {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(System.getProperty("insyn.pg.url"));
        String schema = "ceil" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = pg.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".note (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, case_id BIGINT, body VARCHAR(100000))");
            st.execute("CREATE TABLE " + schema + ".audit (seq BIGINT PRIMARY KEY, detail VARCHAR(8000), hash VARCHAR(64))");
            st.execute("CREATE TABLE " + schema + ".audit_head (id INT PRIMARY KEY, seq BIGINT)");
            st.execute("CREATE TABLE " + schema + ".change_feed (seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, item_id BIGINT)");
            st.execute("INSERT INTO " + schema + ".audit_head VALUES (1, 0)");
        }
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = pg.getConnection()) {
                    c.setAutoCommit(false);
                    c.createStatement().execute("SET search_path = " + schema);
                    for (int i = 0; System.nanoTime() < until; i++) {
                        long seq;
                        try (ResultSet rs = c.createStatement().executeQuery("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")) {
                            rs.next();
                            seq = rs.getLong(1) + 1;
                        }
                        long id;
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (case_id, body) VALUES (1, ?)", new String[] { "id" })) {
                            ps.setString(1, SwedishNotes.text(new java.util.Random(i)));
                            ps.executeUpdate();
                            try (ResultSet keys = ps.getGeneratedKeys()) {
                                keys.next();
                                id = keys.getLong(1);
                            }
                        }
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit VALUES (?, ?, ?)")) {
                            ps.setLong(1, seq);
                            ps.setString(2, "note:" + id);
                            ps.setString(3, "0".repeat(64));
                            ps.executeUpdate();
                        }
                        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ? WHERE id = 1")) {
                            ps.setLong(1, seq);
                            ps.executeUpdate();
                        }
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_feed (item_id) VALUES (?)")) {
                            ps.setLong(1, id);
                            ps.executeUpdate();
                        }
                        c.commit();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        try (Connection c = pg.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        f.peakJdbcNotesPerSecond = done.get() / (double) SECONDS;
    }

    private static double percentile(ConcurrentLinkedQueue<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        indexes.forEach(SearchIndex::close);
        open.forEach(Workspace::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
