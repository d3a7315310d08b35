package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.AuditChain;
import org.insyn.store.internal.StoreWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * R16: audit entries appended per second (each its own committed transaction with the chain head locked) and
 * entries verified per second (read back and re-hashed), on the encrypted H2 file and on PostgreSQL, against the
 * raw SHA-256 throughput over the same canonical entry bytes. PostgreSQL: {@code ./insyn bench} starts a server on
 * loopback and passes {@code -Dinsyn.pg.url}; without it the postgres runs fail.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class AuditBenchmark {
    static final int TRAIL = 2_000;

    @Param({ "h2", "postgres" })
    public String store;

    private Path dir;
    private StoreWorkspace ws;
    private List<byte[]> canonical;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("insyn-bench-audit");
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        if (store.equals("postgres")) {
            String url = System.getProperty("insyn.pg.url", "");
            if (url.isBlank()) {
                throw new IllegalStateException("no PostgreSQL: run ./insyn bench, or pass -Dinsyn.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB");
            }
            String schema = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            config = WorkspaceConfig.shared(dir, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, Optional.empty(),
                    Optional.empty());
        }
        ws = Workspaces.admin(config);
        for (int i = 0; i < TRAIL; i++) {
            appendOne();
        }
        canonical = ws.audit().entries(Optional.empty(), 0, TRAIL).stream().map(AuditChain::canonical).toList();
    }

    private AuditEntry appendOne() {
        int i = next++;
        return ws.record(AuditAction.CASE_VIEWED, Optional.of((long) (i % 50)), "case:" + (i % 50), "view " + i);
    }

    /** Appends one entry: one transaction that locks the head, inserts the entry and moves the head. */
    @Benchmark
    public AuditEntry append() {
        return appendOne();
    }

    /** Verifies a trail of at least {@value #TRAIL} entries; the score is entries per second. */
    @Benchmark
    @OperationsPerInvocation(TRAIL)
    public VerifyReport verify() {
        VerifyReport r = ws.audit().verify(Optional.empty());
        if (!r.clean()) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r;
    }

    /** SHA-256 over the canonical bytes of {@value #TRAIL} entries; the score is entries per second. */
    @Benchmark
    @OperationsPerInvocation(TRAIL)
    public byte[] baseline() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] last = null;
        for (byte[] entry : canonical) {
            last = sha.digest(entry);
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        ws.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
