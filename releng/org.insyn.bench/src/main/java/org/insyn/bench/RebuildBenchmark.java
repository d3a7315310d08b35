package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.index.internal.IndexService;
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
 * Time to rebuild the encrypted index from a real encrypted H2 store holding {@code notes} notes, against only
 * reading the same notes back from the store (the part of a rebuild no index can avoid).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RebuildBenchmark {
    @Param({ "5000" })
    public int notes;

    private Path dir;
    private Workspace workspace;
    private Session session;
    private CaseFile caseFile;
    private SearchIndex index;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("insyn-bench-rebuild");
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        workspace = Workspaces.anna(config, "bench");
        session = workspace.session();
        caseFile = session.openCase("bench", "Ärende");
        Random random = new Random(42);
        for (int i = 0; i < notes; i++) {
            session.saveNote(new Note(0, caseFile.id(), "anna", SwedishNotes.text(random), RecordClass.MINOR_IMPORTANCE,
                    List.of(), List.of(), Instant.EPOCH, Instant.EPOCH));
        }
        index = new IndexService().open(config, workspace, (done, total) -> { });
    }

    @Benchmark
    public long rebuild() {
        return index.reindex((done, total) -> { });
    }

    @Benchmark
    public int baseline() {
        return session.notes(caseFile.id()).size();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        workspace.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
