package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.product.tests.Product;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from starting the JVM to the first visible window: the Insyn product (its first window is the sign-in
 * dialog) against a bare e4 application with one empty part, built from the same target platform; and, as
 * {@code afterSignIn}, the time from pressing Sign in to the workbench's window. Each shot starts a fresh process on a
 * fresh workspace; the window is seen from outside, on the X display.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class StartupBenchmark {
    private Process running;
    private Path workspace;

    private long firstWindow(Product product, String title) throws Exception {
        workspace = Files.createTempDirectory("insyn-bench-ws");
        running = product.startWorkbench(workspace, workspace.resolve("console.log"));
        return Product.waitForWindow(running, title, Duration.ofSeconds(120)).toMillis();
    }

    @Benchmark
    public long insyn() throws Exception {
        return firstWindow(Product.insyn(), Product.SIGN_IN_TITLE);
    }

    @Benchmark
    public long baseline() throws Exception {
        Product bare = Product.bareE4();
        return firstWindow(bare, bare.windowTitle());
    }

    /**
     * From pressing Sign in (Return) in the dialog to the workbench's first window: the Argon2id of the password
     * (R9), the encrypted workspace opened, the workbench and its first part made.
     */
    @Benchmark
    public long afterSignIn(SignInDialog dialog) throws Exception {
        Product.pressKeys(Product.SIGN_IN_TITLE, "Return");
        long start = System.nanoTime();
        Product.insyn().waitForWindow(dialog.running, Duration.ofSeconds(120));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The sign-in dialog of a fresh workspace with one investigator, her name and password typed in. */
    @State(Scope.Thread)
    public static class SignInDialog {
        private static final String PASSWORD = "annas losenord";
        Process running;
        private Path workspace;

        @Setup(Level.Invocation)
        public void open() throws Exception {
            workspace = Files.createTempDirectory("insyn-bench-signin-ws");
            try (Workspace ws = new StoreProvider().create(WorkspaceConfig.embedded(workspace),
                    new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), "administratorens losenord".toCharArray())) {
                ws.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
                ws.accounts().create(new User("anna", "Anna Andersson", Set.of(Role.INVESTIGATOR), Set.of("north"), true),
                        PASSWORD.toCharArray());
            }
            running = Product.insyn().startWorkbench(workspace, workspace.resolve("console.log"));
            Product.waitForWindow(running, Product.SIGN_IN_TITLE, Duration.ofSeconds(120));
            // The cursor starts in the password field; the user field follows it.
            type(PASSWORD);
            Product.pressKeys(Product.SIGN_IN_TITLE, "Tab");
            Product.pressKeys(Product.SIGN_IN_TITLE, "ctrl+a");
            type("anna");
        }

        private static void type(String text) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "^" + Product.SIGN_IN_TITLE + " *$", "windowfocus",
                    "--sync", "type", "--delay", "0", text).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("xdotool could not type into the sign-in dialog: " + out);
            }
        }

        @TearDown(Level.Invocation)
        public void close() throws InterruptedException, IOException {
            Product.stop(running);
            delete(workspace);
        }
    }

    @TearDown(Level.Iteration)
    public void stop() throws InterruptedException, IOException {
        if (running != null) {
            Product.stop(running);
            running = null;
        }
        if (workspace != null) {
            delete(workspace);
            workspace = null;
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
