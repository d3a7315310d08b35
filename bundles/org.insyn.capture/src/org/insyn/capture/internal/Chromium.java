package org.insyn.capture.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.insyn.core.InsynException;

/**
 * One headless Chromium process, driven over the DevTools protocol, kept warm for the whole process: each capture
 * gets its own fresh incognito browser context (R15: no cookies, cache or storage carried from one capture to the
 * next; R9: an incognito context keeps the page in memory, never on disk). Its profile and temporary files live in a
 * private folder (owner only) that is deleted when the browser closes, at the latest when the JVM exits, and, after a
 * crash, at the next start.
 */
final class Chromium implements AutoCloseable {
    /** The warm browsers of this process, one per program and arguments (tests use more than one). */
    private static final Map<List<String>, Chromium> WARM = new HashMap<>();
    private static boolean hook;

    static final String PROFILE_PREFIX = "insyn-chromium-";
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    /**
     * Without these Chromium reaches out to Google (updates, sync, field trials, safe browsing) on its own,
     * which R15 forbids.
     */
    static final List<String> QUIET = List.of("--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-breakpad",
            "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--metrics-recording-only",
            "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions",
            "--hide-scrollbars", "--mute-audio", "--password-store=basic");

    private final Process process;
    private final Path profile;
    private final Cdp cdp;
    private final String version;

    /**
     * The warm browser for this program and arguments, started (or started again, when it died) on first use and
     * closed when the JVM exits.
     */
    static Chromium warm(Path executable, List<String> extraArguments) throws IOException, InterruptedException {
        List<String> key = new ArrayList<>(extraArguments);
        key.add(0, executable.toString());
        synchronized (WARM) {
            Chromium running = WARM.get(key);
            if (running != null && running.alive()) {
                return running;
            }
            if (running != null) {
                running.close();
            }
            if (!hook) {
                hook = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Chromium::closeAll, "chromium-exit"));
            }
            Chromium started = start(executable, extraArguments);
            WARM.put(key, started);
            return started;
        }
    }

    /** Closes every warm browser (and deletes its folder). */
    static void closeAll() {
        List<Chromium> all;
        synchronized (WARM) {
            all = List.copyOf(WARM.values());
            WARM.clear();
        }
        all.forEach(Chromium::close);
    }

    boolean alive() {
        return process.isAlive() && cdp.open();
    }

    /**
     * A fresh incognito browser context with one blank page (R15), downloads refused; closing it disposes of the
     * context and everything the page kept in memory.
     */
    Context newContext() throws IOException, InterruptedException {
        Duration call = Duration.ofSeconds(30);
        String context = cdp.call(Optional.empty(), "Target.createBrowserContext", Cdp.params(), call)
                .path("browserContextId").asText();
        try {
            cdp.call(Optional.empty(), "Browser.setDownloadBehavior",
                    Cdp.params().put("behavior", "deny").put("browserContextId", context), call);
            String target = cdp.call(Optional.empty(), "Target.createTarget",
                    Cdp.params().put("url", "about:blank").put("browserContextId", context), call).path("targetId").asText();
            String session = cdp.call(Optional.empty(), "Target.attachToTarget",
                    Cdp.params().put("targetId", target).put("flatten", true), call).path("sessionId").asText();
            return new Context(context, session);
        } catch (IOException | InterruptedException | RuntimeException e) {
            dispose(context);
            throw e;
        }
    }

    private void dispose(String context) {
        try {
            cdp.call(Optional.empty(), "Target.disposeBrowserContext", Cdp.params().put("browserContextId", context),
                    Duration.ofSeconds(10));
        } catch (IOException | InterruptedException e) {
            // a browser that cannot dispose of a context is not trusted with the next capture
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One capture's browser context and the page session in it. */
    final class Context implements AutoCloseable {
        private final String id;
        private final String session;

        private Context(String id, String session) {
            this.id = id;
            this.session = session;
        }

        String session() {
            return session;
        }

        @Override
        public void close() {
            cdp.removeListener(session);
            dispose(id);
        }
    }

    private Chromium(Process process, Path profile, Cdp cdp, String version) {
        this.process = process;
        this.profile = profile;
        this.cdp = cdp;
        this.version = version;
    }

    /**
     * Starts Chromium and connects to it.
     *
     * @throws InsynException INVALID naming the Debian package when the program is missing
     */
    static Chromium start(Path executable, List<String> extraArguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(executable)) {
            throw InsynException.invalid("capture.chromiumMissing", executable);
        }
        sweepProfiles();
        // R9: a private folder, owner only, for the profile and Chromium's temporary files (TMPDIR below)
        // short names: Chromium's singleton socket goes under TMPDIR, and a socket path has at most 107 bytes
        Path profile = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir")).resolve(PROFILE_PREFIX
                + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xffffff, 36)),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = Files.createDirectory(profile.resolve("t"));
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--user-data-dir=" + profile.resolve("p"),
                "--incognito", "--disk-cache-size=1", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1"));
        command.addAll(QUIET);
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to run its sandbox as root
        }
        command.addAll(extraArguments);
        command.add("about:blank");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        try {
            URI url = devToolsUrl(process);
            Cdp cdp = new Cdp(url);
            String version = cdp.call(Optional.empty(), "Browser.getVersion", Cdp.params(),
                    Duration.ofSeconds(10)).path("product").asText();
            return new Chromium(process, profile, cdp, version);
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    /** Reads Chromium's stderr until it names its DevTools address, then keeps draining it. */
    private static URI devToolsUrl(Process process) throws IOException, InterruptedException {
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder early = new StringBuilder();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null;) {
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        url.complete(URI.create(m.group(1)));
                    } else if (!url.isDone() && early.length() < 4000) {
                        early.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended; the future below tells the caller
            }
            url.completeExceptionally(new IOException("Chromium ended without opening DevTools:\n" + early));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not open DevTools within 30 s", e);
        }
    }

    Cdp cdp() {
        return cdp;
    }

    /** The product and version, e.g. "Chrome/156.0.8078.79" (recorded in the manifest, R17). */
    String version() {
        return version;
    }

    @Override
    public void close() {
        synchronized (WARM) {
            WARM.values().remove(this);
        }
        // renderer and helper processes may outlive the browser a moment and still write into the profile
        List<ProcessHandle> helpers = process.descendants().toList();
        try {
            cdp.call(Optional.empty(), "Browser.close", Cdp.params(), Duration.ofSeconds(5));
        } catch (IOException | InterruptedException e) {
            // the process is ended below either way
        }
        cdp.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // the browser is gone: what is left of its helpers is ended before the profile goes
        helpers.forEach(ProcessHandle::destroyForcibly);
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            deleteTree(profile);
            if (Files.exists(profile)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /**
     * Deletes the folders of processes that were killed before they could delete them themselves, after ending the
     * Chromium they left running on that folder (it would write into it again).
     */
    private static void sweepProfiles() throws IOException {
        Pattern own = Pattern.compile(Pattern.quote(PROFILE_PREFIX) + "(\\d+)-.*");
        List<Path> left;
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            left = dirs.filter(d -> {
                Matcher m = own.matcher(d.getFileName().toString());
                return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
            }).toList();
        }
        for (Path dir : left) {
            String flag = "--user-data-dir=" + dir.resolve("p");
            ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> List.of(a).contains(flag)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file went while the tree was walked (a helper still at work): the caller tries again
        }
    }
}
