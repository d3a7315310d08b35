package org.insyn.capture.internal;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;

/** Captures a page and seals it: Chromium, then hashes, manifest and (when configured) the RFC 3161 timestamp. */
public final class EvidenceMaker {
    private final CaptureOptions options;
    private final Trackers trackers;
    private final String tool;
    private final ZoneId zone;

    /** With the built-in tracker list. */
    public EvidenceMaker(CaptureOptions options, String tool, ZoneId zone) {
        this(options, Trackers.builtIn(), tool, zone);
    }

    EvidenceMaker(CaptureOptions options, Trackers trackers, String tool, ZoneId zone) {
        this.options = options;
        this.trackers = trackers;
        this.tool = tool;
        this.zone = zone;
    }

    public Evidence make(URI url, CaptureContext context) throws IOException, InterruptedException {
        PageCapture page = new PageCapturer(options, trackers).capture(url);
        return new Sealer(tool, zone, options.timestampAuthority().map(TimestampClient::new)).seal(page, context);
    }
}
