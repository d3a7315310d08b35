package org.insyn.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A materialized product folder, started as a separate process the way a user starts it. The window title is an
 * extended regular expression, as xdotool matches it.
 */
public record Product(Path folder, String windowTitle) {
    /** The workbench's window: "Insyn", and once someone is signed in "Insyn – who they are". */
    public static final String INSYN_WINDOW = "Insyn( \u2013 .*)?";

    /** The Insyn product built by releng/org.insyn.product. */
    public static Product insyn() {
        return new Product(materialized("org.insyn.product", "org.insyn.product", "insyn"), INSYN_WINDOW);
    }

    /** The start-up baseline: the same e4 runtime with one empty part (releng/org.insyn.bench.product). */
    public static Product bareE4() {
        return new Product(materialized("org.insyn.bench.product", "org.insyn.bench.bare.product", "bare-e4"), "Bare e4");
    }

    private static Path materialized(String module, String productId, String root) {
        Path releng = Path.of(System.getProperty("insyn.releng", "releng"));
        Path folder = releng.resolve(module).resolve("target/products").resolve(productId).resolve("linux/gtk/x86_64").resolve(root);
        if (!Files.isDirectory(folder.resolve("plugins"))) {
            throw new IllegalStateException("no product at " + folder.toAbsolutePath() + ": build it first (./insyn build)");
        }
        return folder.toAbsolutePath().normalize();
    }

    /** Starts the workbench with this JVM's java, as the launch script would, with a fresh layout. */
    public Process startWorkbench(Path workspace, Path output, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("-clearPersistedState"));
        args.addAll(List.of(extraArgs));
        return start(workspace, output, args);
    }

    /** Starts the workbench again on a workspace it ran in before: with the layout it saved then. */
    public Process restartWorkbench(Path workspace, Path output) throws IOException {
        return start(workspace, output, List.of());
    }

    private Process start(Path workspace, Path output, List<String> extraArgs) throws IOException {
        Path launcher;
        try (Stream<Path> jars = Files.list(folder.resolve("plugins"))) {
            launcher = jars.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Equinox launcher in " + folder));
        }
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-jar", launcher.toString(), "-data", workspace.toString(), "-nl", "en", "-consoleLog"));
        cmd.addAll(extraArgs);
        return new ProcessBuilder(cmd).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits until a visible top-level window with exactly this product's title is mapped on the X display. */
    public Duration waitForWindow(Process process, Duration timeout) throws IOException, InterruptedException {
        return waitForWindow(process, windowTitle, timeout);
    }

    /** Waits until a visible top-level window with exactly this title is mapped on the X display. */
    public static Duration waitForWindow(Process process, String windowTitle, Duration timeout) throws IOException, InterruptedException {
        long start = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(windowTitle + " exited with " + process.exitValue() + " before showing a window");
            }
            if (windowShowing(windowTitle)) {
                return Duration.ofMillis(System.currentTimeMillis() - start);
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no window '" + windowTitle + "' within " + timeout + "; the windows showing: " + windowsShowing());
    }

    /** The titles of the visible windows, to say what showed instead. */
    static List<String> windowsShowing() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "for w in $(xdotool search --onlyvisible --name .); do xdotool getwindowname $w; done")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().toList();
    }

    /** Asks the X server (xdotool, from Debian) whether a visible window has this title. */
    public static boolean windowShowing(String title) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", "^" + title + " *$")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    /** Real key strokes from the X server to this product's window, e.g. "ctrl+3" (xdotool's key names). */
    public void pressKeys(String keys) throws IOException, InterruptedException {
        pressKeys(windowTitle, keys);
    }

    /** Real key strokes to the visible window with exactly this title (a dialog of the product, say). */
    public static void pressKeys(String title, String keys) throws IOException, InterruptedException {
        xdotool(title, "key", "--clearmodifiers", keys);
    }

    /** The title of the sign-in dialog, the first window the workbench shows (in English, as started here). */
    public static final String SIGN_IN_TITLE = "Sign in to Insyn";

    /**
     * Signs in through the dialog the workbench shows first, with real key strokes: the cursor starts in the
     * password field, the user field follows it; Return presses Sign in. The workspace folder is the one the
     * workbench was started on.
     */
    public void signIn(Process process, String password, String user) throws IOException, InterruptedException {
        waitForWindow(process, SIGN_IN_TITLE, Duration.ofSeconds(90));
        xdotool(SIGN_IN_TITLE, "type", "--delay", "20", password);
        xdotool(SIGN_IN_TITLE, "key", "--clearmodifiers", "Tab", "ctrl+a");
        xdotool(SIGN_IN_TITLE, "type", "--delay", "20", user);
        xdotool(SIGN_IN_TITLE, "key", "--clearmodifiers", "Return");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (windowShowing(SIGN_IN_TITLE)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("the sign-in dialog did not close: was the sign-in refused? The screen: " + screenshot("sign-in"));
            }
            Thread.sleep(25);
        }
    }

    /** Saves what the X display shows (ImageMagick's import) to target/screenshots/NAME-TIME.png and says where. */
    public static Path screenshot(String name) throws IOException, InterruptedException {
        Path file = Path.of("target/screenshots").toAbsolutePath().resolve(name + "-" + System.currentTimeMillis() + ".png");
        Files.createDirectories(file.getParent());
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        return file;
    }

    /**
     * Runs xdotool on the visible window with exactly this title, focused first. A window that went away between
     * xdotool finding and using it (BadWindow: GTK replaces windows while the workbench starts) is looked up again.
     */
    private static void xdotool(String title, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("xdotool", "search", "--onlyvisible", "--name", "^" + title + " *$", "windowfocus", "--sync"));
        cmd.addAll(List.of(command));
        for (int attempt = 1;; attempt++) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return;
            }
            if (!out.contains("BadWindow") || attempt == 3) {
                throw new IllegalStateException("xdotool could not " + String.join(" ", command) + ": " + out);
            }
            Thread.sleep(200);
        }
    }


    /** Ends the process and everything it started (WebKit helpers too). */
    public static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Starts the workbench through the product's own launch script, as a user does, on the workspace, with exactly these
     * of Insyn's environment variables (INSYN_LANG and the like are not inherited).
     */
    public Process startScript(Path workspace, Path output, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(folder.resolve("insyn").toString()).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("INSYN_"));
        pb.environment().put("INSYN_WORKSPACE", workspace.toString());
        pb.environment().put("JAVA_HOME", Path.of(javaCommand()).getParent().getParent().toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs the product's own launch script with these arguments. */
    public Run script(Path workspace, String... args) throws IOException, InterruptedException {
        return script(workspace, java.util.Map.of(), args);
    }

    /** Runs the product's own launch script with these arguments and these environment variables added. */
    public Run script(Path workspace, java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        return answering(workspace, env, "", args);
    }

    /**
     * Runs the product's own launch script with these environment variables added, and {@code input} as its standard
     * input (the answers to its questions, one per line), closed afterwards.
     */
    public Run answering(Path workspace, java.util.Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(folder.resolve("insyn").toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("insyn-stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().put("INSYN_WORKSPACE", workspace.toString());
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", Path.of(javaCommand()).getParent().getParent().toString());
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            stop(p);
            throw new IllegalStateException("insyn " + String.join(" ", args) + " did not end within 120 s");
        }
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Run(p.exitValue(), stdout, stderr);
    }

    public record Run(int exitCode, String stdout, String stderr) {
    }
}
