package org.insyn.capture.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sealed capture: its artifacts, the manifest that lists them with their hashes, the manifest's SHA-256 and,
 * when a timestamp authority is configured, the RFC 3161 token over that hash (R17).
 */
public record Evidence(String url, String finalUrl, int httpStatus, String title, Instant capturedAt, String zoneId, String tool,
        boolean complete, List<Artifact> artifacts, byte[] manifest, String manifestSha256, Optional<byte[]> timestampToken) {

    static final String MANIFEST = "manifest.json";
    static final String TIMESTAMP = "manifest.tsr";

    public Evidence {
        artifacts = List.copyOf(artifacts);
    }
}
