package org.insyn.capture.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How captures are made: the Chromium program and extra arguments, the viewport, how long to wait for a page,
 * the full-page height cap, the size cap of one response body and of one media file, and the RFC 3161 timestamp
 * authority when one is configured.
 */
public record CaptureOptions(Path chromium, List<String> chromiumArguments, int viewportWidth, int viewportHeight,
        Duration loadTimeout, Duration settle, int heightCap, long bodyCap, long mediaCap, Optional<URI> timestampAuthority) {

    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    public static CaptureOptions defaults() {
        return new CaptureOptions(DEBIAN_CHROMIUM, List.of(), 1280, 800, Duration.ofSeconds(30), Duration.ofMillis(500),
                15_000, 50L << 20, 20L << 20, Optional.empty());
    }

    public CaptureOptions withChromium(Path program, List<String> arguments) {
        return new CaptureOptions(program, List.copyOf(arguments), viewportWidth, viewportHeight, loadTimeout, settle,
                heightCap, bodyCap, mediaCap, timestampAuthority);
    }

    public CaptureOptions withLoadTimeout(Duration timeout) {
        return new CaptureOptions(chromium, chromiumArguments, viewportWidth, viewportHeight, timeout, settle, heightCap,
                bodyCap, mediaCap, timestampAuthority);
    }

    public CaptureOptions withHeightCap(int cap) {
        return new CaptureOptions(chromium, chromiumArguments, viewportWidth, viewportHeight, loadTimeout, settle, cap,
                bodyCap, mediaCap, timestampAuthority);
    }

    public CaptureOptions withMediaCap(long cap) {
        return new CaptureOptions(chromium, chromiumArguments, viewportWidth, viewportHeight, loadTimeout, settle,
                heightCap, bodyCap, cap, timestampAuthority);
    }

    public CaptureOptions withTimestampAuthority(Optional<URI> tsa) {
        return new CaptureOptions(chromium, chromiumArguments, viewportWidth, viewportHeight, loadTimeout, settle,
                heightCap, bodyCap, mediaCap, tsa);
    }
}
