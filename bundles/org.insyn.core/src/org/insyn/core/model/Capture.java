package org.insyn.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * R7, R17: a dated capture of a page. The artifacts (screenshots, HTML, WARC, manifest) live in the blob store;
 * this holds their SHA-256 hashes by artifact name, and the sealed manifest's hash.
 */
public record Capture(long id, long caseId, long justificationId, Optional<Long> hitId, String url, String finalUrl,
        int httpStatus, Instant capturedAt, String zoneId, String operatorId, String tool, Map<String, String> artifacts,
        String manifestSha256, Optional<byte[]> timestampToken, RecordClass recordClass, boolean complete) {
    public Capture {
        Objects.requireNonNull(hitId, "hitId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(tool, "tool");
        artifacts = Map.copyOf(artifacts);
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(timestampToken, "timestampToken");
        Objects.requireNonNull(recordClass, "recordClass");
    }
}
