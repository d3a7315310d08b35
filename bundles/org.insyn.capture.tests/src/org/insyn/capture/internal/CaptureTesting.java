package org.insyn.capture.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.insyn.core.service.VerifyReport.Problem;

/** Opens the capture internals to the tests in org.insyn.capture.tests (same bundle, as a fragment). */
public final class CaptureTesting {
    /**
     * Chromium resolves every host name to 127.0.0.1 in the tests, so that fixture pages can name third-party
     * hosts and nothing can leave the machine even if blocking failed.
     */
    public static final List<String> LOOPBACK_ONLY = List.of("--host-resolver-rules=MAP * 127.0.0.1");

    private CaptureTesting() {
    }

    public static Sealed capture(URI url, Optional<URI> tsa, UnaryOperator<CaptureOptions> tune) throws IOException, InterruptedException {
        CaptureOptions options = tune.apply(CaptureOptions.defaults().withChromium(CaptureOptions.DEBIAN_CHROMIUM, LOOPBACK_ONLY)
                .withTimestampAuthority(tsa));
        PageCapture page = new PageCapturer(options, Trackers.builtIn()).capture(url);
        return new Sealed(new Sealer("Insyn 1.0.0.test", ZoneId.of("Europe/Stockholm"), options.timestampAuthority()
                .map(TimestampClient::new)).seal(page, new CaptureContext("anna.investigator", 7, 42, Optional.empty())));
    }

    /** The capture service as the product builds it, but on loopback only and with the given timestamp authority. */
    public static org.insyn.core.service.CaptureService service(Optional<URI> tsa) {
        return new ChromiumCaptureService(() -> CaptureOptions.defaults().withChromium(CaptureOptions.DEBIAN_CHROMIUM, LOOPBACK_ONLY)
                .withTimestampAuthority(tsa), "Insyn 1.0.0.test", ZoneId.of("Europe/Stockholm"));
    }

    public static List<Problem> verifyWacz(Path wacz) throws IOException {
        return Wacz.verify(wacz);
    }

    public static String waczPath(String artifact) {
        return Wacz.path(artifact);
    }

    public static String sha256(byte[] content) {
        return Hashes.sha256(content);
    }

    /** A sealed capture as the tests see it. */
    public record Sealed(Evidence evidence) {
        public List<String> names() {
            return evidence.artifacts().stream().map(Artifact::name).toList();
        }

        public byte[] artifact(String name) {
            return evidence.artifacts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().content().clone();
        }

        public String sha256(String name) {
            return Hashes.sha256(artifact(name));
        }

        public String manifestJson() {
            return new String(evidence.manifest(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public List<Problem> verify() {
            return verifyWithChanged("");
        }

        /** Verifies with one byte changed in the named artifact, manifest.json or manifest.tsr. */
        public List<Problem> verifyWithChanged(String name) {
            Map<String, byte[]> files = evidence.artifacts().stream().collect(Collectors.toMap(Artifact::name, a -> a.content().clone()));
            files.put(Evidence.MANIFEST, evidence.manifest().clone());
            evidence.timestampToken().ifPresent(t -> files.put(Evidence.TIMESTAMP, t.clone()));
            if (files.containsKey(name)) {
                files.get(name)[files.get(name).length / 2] ^= 1;
            }
            Map<String, String> recorded = evidence.artifacts().stream().collect(Collectors.toMap(Artifact::name, Artifact::sha256));
            return new CaptureVerifier().verify("capture 1", () -> files.get(Evidence.MANIFEST), evidence.manifestSha256(),
                    recorded, n -> Optional.ofNullable(files.get(n)).orElseThrow(), Optional.ofNullable(files.get(Evidence.TIMESTAMP)));
        }

        public Path wacz(Path file) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                Wacz.write(evidence, out);
            }
            return file;
        }
    }
}
