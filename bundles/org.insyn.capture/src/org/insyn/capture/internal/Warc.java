package org.insyn.capture.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** R17: the raw HTTP exchanges of a capture as a gzipped WARC 1.1 file, led by a warcinfo record naming the tool. */
final class Warc {
    /** Chromium hands over bodies already decoded, so these headers would no longer describe the stored body. */
    private static final Set<String> TRANSFER_HEADERS = Set.of("content-encoding", "transfer-encoding", "content-length");

    private Warc() {
    }

    static byte[] write(PageCapture capture, String tool) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            Warcinfo info = new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(capture.capturedAt())
                    .filename("capture.warc.gz")
                    .fields(Map.of("software", List.of(tool), "browser", List.of(capture.browser()),
                            "format", List.of("WARC File Format 1.1"),
                            "conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
                            "description", List.of("Capture of " + capture.url())))
                    .build();
            writer.write(info);
            for (Exchange e : capture.exchanges()) {
                HttpRequest.Builder request = new HttpRequest.Builder(e.method(), target(e.url()));
                e.requestHeaders().forEach(h -> request.addHeader(h.getKey(), h.getValue()));
                e.requestBody().ifPresent(b -> request.body(MediaType.OCTET_STREAM, b));
                WarcRequest warcRequest = new WarcRequest.Builder(e.url()).version(MessageVersion.WARC_1_1).date(e.at())
                        .warcinfoId(info.id()).body(request.build()).build();

                HttpResponse.Builder response = new HttpResponse.Builder(e.status(), e.statusText());
                for (Map.Entry<String, String> h : e.responseHeaders()) {
                    if (!TRANSFER_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                        response.addHeader(h.getKey(), h.getValue());
                    }
                }
                response.body(MediaType.parseLeniently(e.responseHeader("Content-Type").orElse("application/octet-stream")), e.body());
                WarcResponse.Builder record = new WarcResponse.Builder(e.url()).version(MessageVersion.WARC_1_1).date(e.at())
                        .warcinfoId(info.id()).concurrentTo(warcRequest.id()).body(response.build());
                if (e.truncated()) {
                    record.truncated(WarcTruncationReason.LENGTH);
                }
                writer.write(warcRequest);
                writer.write(record.build());
            }
        }
        return out.toByteArray();
    }

    /** The request-target of the HTTP request line: path and query. */
    private static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
