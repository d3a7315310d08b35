package org.insyn.capture.internal;

import java.time.Instant;

/**
 * R15: one request the page made during a capture: "ok", "blocked" (a third-party tracker), "internal" (a redirect
 * Chromium made up itself, such as an HSTS upgrade: nothing went over the network) or the network error that ended it.
 */
record RequestLogEntry(Instant at, String method, String url, int status, long bytes, long millis, String outcome) {
    static final String OK = "ok";
    static final String BLOCKED = "blocked";
    static final String INTERNAL = "internal";
}
