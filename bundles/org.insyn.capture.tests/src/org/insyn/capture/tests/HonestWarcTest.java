package org.insyn.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.insyn.capture.internal.CaptureTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * R17: the WARC holds only what went over the network. Chromium's own HSTS upgrade of a {@code .dev} address (a
 * top-level domain on its preload list) is a "307 Internal Redirect" no server sent: it is no response record, and
 * the request log says "internal". A video served in ranges (206) is kept, and the manifest says it is partial.
 */
class HonestWarcTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Fixture site;
    static CaptureTesting.Sealed capture;
    static JsonNode manifest;
    static String hsts;

    @BeforeAll
    static void capture() throws Exception {
        site = new Fixture();
        byte[] video = new byte[64_000];
        new Random(7).nextBytes(video);
        hsts = "http://insyn-test.dev:" + site.port() + "/pixel.png";
        site.page("/page", "<html><body><h1>Video</h1><img src='" + hsts + "'>"
                + "<video src='/clip.webm' preload='auto' muted autoplay></video></body></html>");
        site.route("/clip.webm", e -> {
            int end = video.length / 2 - 1; // the first half, as a server answering a range request may
            e.getResponseHeaders().set("Content-Range", "bytes 0-" + end + "/" + video.length);
            e.getResponseHeaders().set("Accept-Ranges", "bytes");
            byte[] part = java.util.Arrays.copyOf(video, end + 1);
            Fixture.send(e, 206, "video/webm", part);
        });
        capture = CaptureTesting.capture(site.url("/page"), Optional.empty(), o -> o.withLoadTimeout(java.time.Duration.ofSeconds(5)));
        manifest = JSON.readTree(capture.evidence().manifest());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<WarcResponse> responses() throws IOException {
        List<WarcResponse> responses = new ArrayList<>();
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(capture.artifact("capture.warc.gz")))) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse response) {
                    response.http(); // parsed now, while the reader is on it
                    responses.add(response);
                }
            }
        }
        return responses;
    }

    @Test
    void R17_chromiumsInternalRedirectIsNoResponseRecordAndTheLogSaysInternal() throws IOException {
        JsonNode logged = null;
        for (JsonNode r : manifest.path("requests")) {
            if (r.path("url").asText().equals(hsts)) {
                logged = r;
            }
        }
        assertTrue(logged != null, manifest.path("requests").toString());
        assertEquals("internal", logged.path("outcome").asText(), logged.toString());
        for (WarcResponse r : responses()) {
            assertFalse(r.target().equals(hsts), "a response record for the internal redirect of " + hsts);
            assertTrue(r.http().headers().first("Non-Authoritative-Reason").isEmpty(), r.target());
        }
    }

    @Test
    void R17_rangedMediaIsKeptAndTheManifestSaysItIsPartial() throws IOException {
        JsonNode video = null;
        for (JsonNode a : manifest.path("artifacts")) {
            if (a.path("mediaType").asText().equals("video/webm")) {
                video = a;
            }
        }
        assertTrue(video != null, manifest.path("artifacts").toString());
        assertTrue(video.path("partial").asBoolean(), video.toString());
        assertTrue(video.path("contentRange").asText().startsWith("bytes 0-31999/64000"), video.toString());
        assertEquals(32_000, capture.artifact(video.path("name").asText()).length);
        boolean kept = false;
        for (WarcResponse r : responses()) {
            kept |= r.target().endsWith("/clip.webm") && r.http().status() == 206;
        }
        assertTrue(kept, "the 206 is in the WARC as the server sent it");
        assertTrue(new String(capture.artifact("page.html"), StandardCharsets.UTF_8).contains("clip.webm"));
    }
}
