package org.insyn.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.Retention;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.Session;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreWorkspace;
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

/**
 * R10: weeding {@code items} due items (60 % notes, 35 % hits, 5 % captures with two blob files each, in closed cases of
 * a hundred items) from a real encrypted H2 workspace with its encrypted index following, against the least any weeding
 * must do: one bulk DELETE per table, the blob files deleted, the same documents removed from the index in one commit
 * and expunged (no batches, no audit entries, no checks of holds or references). Each shot weeds a fresh copy of the
 * same workspace; the heap is sampled as in {@link ReportBenchmark}, in a fork capped at 512 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class WeedingBenchmark {
    static final int PER_CASE = 100;

    @Param({ "100000" })
    public int items;

    private Path template;
    private Path dir;
    private StoreWorkspace workspace;
    private SearchIndex index;

    /** The workspace every shot starts from, with its index built: made once. */
    @Setup(Level.Trial)
    public void fill() throws Exception {
        template = Files.createTempDirectory("insyn-bench-weeding");
        WorkspaceConfig config = WorkspaceConfig.embedded(template);
        Workspaces.anna(config, "bench").close();
        try (StoreWorkspace admin = Workspaces.signIn(config, "admin")) {
            admin.session().retention().setRule("bench", RecordClass.MINOR_IMPORTANCE, Optional.of(30));
        }
        try (StoreWorkspace ws = Workspaces.signIn(config, "anna")) {
            Session anna = ws.session();
            Random random = new Random(42);
            int cases = items / PER_CASE;
            // the cases through the product; their items in bulk, as years of work would have left them
            try (Connection c = ws.db().connection()) {
                c.setAutoCommit(false);
                for (int k = 0; k < cases; k++) {
                    long caseId = anna.openCase("bench", "Ärende " + k).id();
                    anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
                    long j = anna.justify(Optional.of(caseId), "bench", ReasonCategory.OTHER, "Underlag för gallringsmätning.",
                            SearchMode.CLIENT).id();
                    long run = anna.startSearch(j, "\"Kim Andersson\"", List.of("web")).id();
                    insertItems(ws, c, caseId, j, run, random);
                    c.commit();
                }
                long closed = Instant.now().minus(400, ChronoUnit.DAYS).toEpochMilli();
                Db.update(c, "UPDATE case_file SET closed = ?", closed);
                c.commit();
            }
        }
        try (StoreWorkspace ws = Workspaces.signIn(config, "anna");
                SearchIndex built = new IndexService().open(config, ws, (done, total) -> { })) {
            if (built.size() != items) {
                throw new IllegalStateException("the index holds " + built.size() + " items, not " + items);
            }
        }
    }

    private void insertItems(StoreWorkspace ws, Connection c, long caseId, long justification, long run, Random random)
            throws Exception {
        long now = Instant.now().toEpochMilli();
        int notes = PER_CASE * 60 / 100;
        int hits = PER_CASE * 35 / 100;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (case_id, author_id, body, record_class, hit_ids,"
                + " capture_ids, created, modified) VALUES (?, 'anna', ?, 'MINOR_IMPORTANCE', '[]', '[]', ?, ?)")) {
            for (int i = 0; i < notes; i++) {
                ps.setLong(1, caseId);
                ps.setString(2, SwedishNotes.text(random));
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hit (run_id, source, url, title, snippet, relevance)"
                + " VALUES (?, 'web', ?, ?, ?, 'RELEVANT')")) {
            for (int i = 0; i < hits; i++) {
                ps.setLong(1, run);
                ps.setString(2, "https://forum.example/" + caseId + "/" + i);
                ps.setString(3, "Tråd " + i);
                ps.setString(4, SwedishNotes.text(random));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO capture (case_id, justification_id, url, final_url, http_status,"
                + " captured_at, zone_id, operator_id, tool, artifacts, manifest_sha256, record_class, complete)"
                + " VALUES (?, ?, ?, ?, 200, ?, 'UTC', 'anna', 'bench', ?, ?, 'MINOR_IMPORTANCE', TRUE)")) {
            for (int i = 0; i < PER_CASE - notes - hits; i++) {
                String url = "https://forum.example/" + caseId + "/sida" + i;
                String page = ws.blobs().put(new ByteArrayInputStream(("<html><body>" + SwedishNotes.text(random) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8)));
                String manifest = ws.blobs().put(new ByteArrayInputStream(("{\"url\":\"" + url + "\"}").getBytes(StandardCharsets.UTF_8)));
                ps.setLong(1, caseId);
                ps.setLong(2, justification);
                ps.setString(3, url);
                ps.setString(4, url);
                ps.setLong(5, now);
                ps.setString(6, "{\"page.html\":\"" + page + "\"}");
                ps.setString(7, manifest);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A fresh copy of the workspace, opened with its index following, for each shot. */
    @Setup(Level.Iteration)
    public void copy() throws IOException {
        dir = Files.createTempDirectory("insyn-bench-weeding-shot");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(template.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        workspace = Workspaces.signIn(config, "anna");
        index = new IndexService().open(config, workspace, (done, total) -> { });
    }

    @Benchmark
    public long weed(ReportBenchmark.Heap heap) {
        Retention.Result result = workspace.session().retention().weed(Retention.Progress.NONE);
        if (result.total() != items) {
            throw new IllegalStateException("weeded " + result.total() + " of " + items);
        }
        return result.total();
    }

    @Benchmark
    public long baseline(ReportBenchmark.Heap heap) throws Exception {
        index.close();
        index = null;
        List<String> blobs = new ArrayList<>();
        List<LuceneIndex.Removal> removals = new ArrayList<>();
        try (Connection c = workspace.db().connection()) {
            c.setAutoCommit(false);
            for (Object[] row : Db.query(c, "SELECT id, artifacts, manifest_sha256 FROM capture",
                    rs -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })) {
                removals.add(new LuceneIndex.Removal(Kind.CAPTURE, (Long) row[0]));
                blobs.add(((String) row[1]).replaceAll(".*\":\"([0-9a-f]{64})\".*", "$1"));
                blobs.add((String) row[2]);
            }
            Db.query(c, "SELECT id FROM note", rs -> removals.add(new LuceneIndex.Removal(Kind.NOTE, rs.getLong(1))));
            Db.query(c, "SELECT id FROM hit", rs -> removals.add(new LuceneIndex.Removal(Kind.HIT, rs.getLong(1))));
            Db.update(c, "DELETE FROM note");
            Db.update(c, "DELETE FROM hit");
            Db.update(c, "DELETE FROM capture");
            c.commit();
        }
        blobs.forEach(workspace.blobs()::delete);
        try (LuceneIndex lucene = new LuceneIndex(IndexService.directory(dir.resolve("index"), workspace.indexKey()))) {
            lucene.apply(List.of(), removals, List.of());
            lucene.expungeRemoved();
        }
        return removals.size();
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (index != null) {
            index.close();
        }
        workspace.close();
        delete(dir);
    }

    @TearDown(Level.Trial)
    public void removeTemplate() {
        delete(template);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
