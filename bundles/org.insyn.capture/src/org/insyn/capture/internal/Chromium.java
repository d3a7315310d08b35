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
import java.util.Comparator;
import java.util.List;
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
 * One headless Chromium process with a fresh profile (R15: no cookies, cache or storage of its own carried
 * from one capture to the next), driven over the DevTools protocol. Closing it ends the process and deletes
 * the profile.
 */
final class Chromium implements AutoCloseable {
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
        Path profile = Files.createTempDirectory(PROFILE_PREFIX + ProcessHandle.current().pid() + "-");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1"));
        command.addAll(QUIET);
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to run its sandbox as root
        }
        command.addAll(extraArguments);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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

    /** Deletes the profiles of processes that were killed before they could delete them themselves. */
    private static void sweepProfiles() throws IOException {
        Pattern own = Pattern.compile(Pattern.quote(PROFILE_PREFIX) + "(\\d+)-.*");
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            dirs.filter(d -> {
                Matcher m = own.matcher(d.getFileName().toString());
                return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
            }).forEach(Chromium::deleteTree);
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
