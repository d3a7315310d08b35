package org.insyn.capture.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Chromium rendered and fetched for one URL, before it is hashed and sealed. {@code pageHeight} is the
 * page's full CSS height; the full-page screenshot stops at {@code capturedHeight} when the height cap cut it.
 */
record PageCapture(URI url, URI finalUrl, int httpStatus, String title, Instant capturedAt, String browser,
        byte[] fullPagePng, byte[] viewportPng, String dom, String mhtml, List<Media> media, List<Exchange> exchanges,
        List<RequestLogEntry> requests, int pageWidth, int pageHeight, int capturedHeight, Optional<String> incomplete) {

    boolean heightCapped() {
        return capturedHeight < pageHeight;
    }

    /**
     * An image, video or audio file the page embedded, kept as its own file; {@code range} is the server's
     * Content-Range when it sent only a part (206, as for video), so that the manifest says the file is partial.
     */
    record Media(URI url, String mediaType, byte[] content, Optional<String> range) {
    }
}
