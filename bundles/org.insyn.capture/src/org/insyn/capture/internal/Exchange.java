package org.insyn.capture.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request and its response as Chromium saw them, for the WARC (R17). The body is as delivered to the
 * page (decoded); {@code truncated} says it was cut at the size cap or could not be read whole.
 */
record Exchange(Instant at, URI url, String method, List<Map.Entry<String, String>> requestHeaders,
        Optional<byte[]> requestBody, int status, String statusText, List<Map.Entry<String, String>> responseHeaders,
        byte[] body, boolean truncated) {

    Optional<String> responseHeader(String name) {
        return responseHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The media type without parameters, lower-case; empty when the response had none. */
    String mediaType() {
        return responseHeader("Content-Type").map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }
}
