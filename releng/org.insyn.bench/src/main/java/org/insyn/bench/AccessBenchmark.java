package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.insyn.core.model.CaseFile;
import org.insyn.core.service.Session;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the access checks cost a call (R9): reading one case through the signed-in person's session (the idle lock,
 * the account read again and checked, the unit policy, a refusal audited if there were one) against reading the same
 * row from the same encrypted H2 database through the same connection pool with no check at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessBenchmark {
    private Path dir;
    private StoreWorkspace ws;
    private Session anna;
    private long caseId;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("insyn-bench-access");
        ws = Workspaces.anna(WorkspaceConfig.embedded(dir), "north");
        anna = ws.session();
        caseId = anna.openCase("north", "Ärende").id();
    }

    @TearDown(Level.Trial)
    public void close() {
        ws.close();
    }

    /** The same row, read with no check. */
    @Benchmark
    public long baseline() throws SQLException {
        try (Connection c = ws.db().connection()) {
            return Db.one(c, "SELECT * FROM case_file WHERE id = ?", rs -> rs.getLong("id") + rs.getString("unit_id").length(), caseId)
                    .orElseThrow();
        }
    }

    /** The case read as anna, through every check of a session call. */
    @Benchmark
    public CaseFile checked() {
        return anna.caseFile(caseId);
    }
}
