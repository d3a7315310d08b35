package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.security.AccountKey;
import org.insyn.security.Argon2idParams;
import org.insyn.security.WrongPasswordException;
import org.insyn.store.internal.StoreProvider;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sign-in cost with the product's Argon2id parameters (R9): opening an account's wrapped master key alone, against a
 * whole sign-in to an encrypted H2 workspace (key file, Argon2id, the database opened with the derived key, the
 * account checked against the audit trail, the sign-in audited, closed again).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignInBenchmark {
    private static final char[] PASSWORD = "Sommar-2026!".toCharArray();
    private AccountKey key;
    private WorkspaceConfig config;
    private StoreProvider provider;

    @Setup(Level.Trial)
    public void wrap() throws IOException {
        key = AccountKey.wrap(AccountKey.newMasterKey(), PASSWORD, Argon2idParams.DEFAULT);
        Path dir = Files.createTempDirectory("insyn-bench-signin");
        config = WorkspaceConfig.embedded(dir);
        Workspaces.admin(config).close();
        provider = new StoreProvider();
    }

    /** Argon2id alone: the password against the wrapped key. */
    @Benchmark
    public byte[] baseline() throws WrongPasswordException {
        return key.unwrap(PASSWORD);
    }

    /** A whole sign-in, as the workbench or the command line does it. */
    @Benchmark
    public String signIn() {
        try (Workspace ws = provider.signIn(config, "admin", Workspaces.PASSWORD.clone())) {
            return ws.user().id();
        }
    }
}
