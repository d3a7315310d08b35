package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R15: one request the product made to the network, for supervisors to review. {@code outcome} is "ok",
 * "blocked" (a tracker in capture mode, robots.txt), or the error that ended it.
 */
public record NetworkRequest(long id, Instant at, String userId, String purpose, String method, String url, int status,
        long bytes, long millis, String outcome, Optional<Long> runId) {
    public NetworkRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(runId, "runId");
    }
}
