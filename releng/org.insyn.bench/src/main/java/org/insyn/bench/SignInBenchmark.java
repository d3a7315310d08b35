package org.insyn.bench;

import java.util.concurrent.TimeUnit;

import org.insyn.security.AccountKey;
import org.insyn.security.Argon2idParams;
import org.insyn.security.WrongPasswordException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Sign-in cost: opening an account's wrapped master key with the product's Argon2id parameters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignInBenchmark {
    private static final char[] PASSWORD = "Sommar-2026!".toCharArray();
    private AccountKey key;

    @Setup
    public void wrap() {
        key = AccountKey.wrap(AccountKey.newMasterKey(), PASSWORD, Argon2idParams.DEFAULT);
    }

    @Benchmark
    public byte[] signIn() throws WrongPasswordException {
        return key.unwrap(PASSWORD);
    }
}
