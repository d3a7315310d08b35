package org.insyn.capture.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.service.CaptureService;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns what Chromium captured into sealed evidence (R7, R17): the artifacts with their SHA-256, a manifest
 * naming the page, the time in UTC and local time, who captured it for which case and justification, the tool,
 * the requests made and blocked (R15), and the hashes; then an RFC 3161 timestamp over the manifest's hash.
 */
final class Sealer {
    static final String FORMAT = "insyn-capture/1";

    private final String tool;
    private final ZoneId zone;
    private final Optional<TimestampClient> timestamps;

    Sealer(String tool, ZoneId zone, Optional<TimestampClient> timestamps) {
        this.tool = tool;
        this.zone = zone;
        this.timestamps = timestamps;
    }

    Evidence seal(PageCapture page, CaptureContext context) throws IOException, InterruptedException {
        return seal(page, context, Optional.empty());
    }

    /** With {@code seen}, the page as the worker saw it in the workbench, sealed as one more artifact (R7). */
    Evidence seal(PageCapture page, CaptureContext context, Optional<byte[]> seen) throws IOException, InterruptedException {
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(Artifact.of("screenshot-full.png", "image/png", page.fullPagePng()));
        artifacts.add(Artifact.of("screenshot-viewport.png", "image/png", page.viewportPng()));
        seen.ifPresent(png -> artifacts.add(Artifact.of(CaptureService.SEEN_SCREENSHOT, "image/png", png)));
        artifacts.add(Artifact.of("page.html", "text/html; charset=utf-8", page.dom().getBytes(StandardCharsets.UTF_8)));
        artifacts.add(Artifact.of("page.mhtml", "multipart/related", page.mhtml().getBytes(StandardCharsets.UTF_8)));
        artifacts.add(Artifact.of("capture.warc.gz", "application/warc", Warc.write(page, tool)));
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> partial = new LinkedHashMap<>();
        for (PageCapture.Media m : page.media()) {
            String name = mediaName(names, m);
            artifacts.add(Artifact.of(name, m.mediaType(), m.content()));
            m.range().ifPresent(r -> partial.put(name, r));
        }

        byte[] manifest = manifest(page, context, artifacts, partial);
        String manifestSha256 = Hashes.sha256(manifest);
        Optional<byte[]> token = Optional.empty();
        if (timestamps.isPresent()) {
            try {
                token = Optional.of(timestamps.get().timestamp(Hashes.sha256Bytes(manifest)));
            } catch (IOException e) {
                throw new InsynException(InsynException.Kind.INVALID, Optional.empty(), e, "capture.timestamp",
                        timestamps.get().authority(), reason(e));
            }
        }
        return new Evidence(page.url().toString(), page.finalUrl().toString(), page.httpStatus(), page.title(),
                page.capturedAt(), zone.getId(), tool, page.incomplete().isEmpty(), artifacts, manifest, manifestSha256, token);
    }

    private byte[] manifest(PageCapture page, CaptureContext context, List<Artifact> artifacts, Map<String, String> partial)
            throws IOException {
        ObjectNode m = Cdp.JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("url", page.url().toString());
        m.put("finalUrl", page.finalUrl().toString());
        m.put("httpStatus", page.httpStatus());
        m.put("title", page.title());
        m.put("capturedAtUtc", page.capturedAt().toString());
        m.put("capturedAtLocal", page.capturedAt().atZone(zone).toOffsetDateTime().toString());
        m.put("timeZone", zone.getId());
        m.put("operator", context.operatorId());
        m.put("caseId", context.caseId());
        m.put("justificationId", context.justificationId());
        context.hitId().ifPresent(h -> m.put("hitId", h));
        m.put("tool", tool);
        m.put("browser", page.browser());
        m.put("complete", page.incomplete().isEmpty());
        page.incomplete().ifPresent(r -> m.put("incompleteReason", r));
        ObjectNode shot = m.putObject("fullPageScreenshot");
        shot.put("pageWidth", page.pageWidth()).put("pageHeight", page.pageHeight()).put("capturedHeight", page.capturedHeight())
                .put("heightCapped", page.heightCapped());
        ArrayNode requests = m.putArray("requests");
        page.requests().forEach(r -> requests.addObject().put("at", r.at().toString()).put("method", r.method())
                .put("url", r.url()).put("status", r.status()).put("bytes", r.bytes()).put("outcome", r.outcome()));
        ArrayNode files = m.putArray("artifacts");
        artifacts.forEach(a -> {
            ObjectNode f = files.addObject().put("name", a.name()).put("mediaType", a.mediaType())
                    .put("bytes", a.content().length).put("sha256", a.sha256());
            if (partial.containsKey(a.name())) {
                f.put("partial", true).put("contentRange", partial.get(a.name()));
            }
        });
        return Cdp.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
    }

    /** What went wrong, also for exceptions without a message (a refused connection has none). */
    static String reason(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "media/01-photo.jpg": numbered in page order, the URL's last path segment made safe for a file name. */
    private static String mediaName(Set<String> taken, PageCapture.Media m) {
        String path = m.url().getPath() == null ? "" : m.url().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (last.isEmpty() || last.length() > 80) {
            last = "file" + extension(m.mediaType());
        }
        String name = String.format(Locale.ROOT, "media/%02d-%s", taken.size() + 1, last);
        taken.add(name);
        return name;
    }

    private static String extension(String mediaType) {
        String sub = mediaType.substring(mediaType.indexOf('/') + 1).replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() ? "" : "." + sub;
    }
}
