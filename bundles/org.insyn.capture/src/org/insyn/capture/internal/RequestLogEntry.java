package org.insyn.capture.internal;

import java.time.Instant;

/**
 * R15: one request the page made during a capture: "ok", "blocked" (a third-party tracker) or the network
 * error that ended it.
 */
record RequestLogEntry(Instant at, String method, String url, int status, long bytes, long millis, String outcome) {
    static final String OK = "ok";
    static final String BLOCKED = "blocked";
}
