package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import java.util.Map;
import java.util.Optional;

import org.insyn.index.internal.PageText;
import org.insyn.index.internal.WorkspaceIndex;
import org.junit.jupiter.api.Test;

/** The text of a captured page is what a reader sees on it, extracted with jsoup. */
class PageTextTest {

    @Test
    void capturedHtmlGivesTitleAndVisibleTextOnly() throws Exception {
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>Åsas blogg – inlägg</title>
                <style>body { font-family: Hemlig; }</style><script>var spårning = "analys";</script></head>
                <body><h1>Min vardag</h1><p>Jag bor i Rinkeby &amp; går i skolan.</p><!-- dold kommentar --></body></html>
                """;
        PageText page = PageText.of(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), "https://blogg.example.se/");
        assertEquals("Åsas blogg – inlägg", page.title());
        assertEquals("Min vardag Jag bor i Rinkeby & går i skolan.", page.text());
        assertFalse(page.text().contains("spårning"));
        assertFalse(page.text().contains("Hemlig"));
        assertFalse(page.text().contains("dold"));
    }

    @Test
    void aCaptureIsIndexedFromItsRenderedHtmlNeverFromTheMhtmlArchive() {
        // the MHTML's MIME headers and quoted-printable entities once showed up in full-text hits
        Map<String, String> artifacts = Map.of("page.mhtml", "0000aaaa", "page.html", "ffff1111", "screenshot-full.png", "1234");
        assertEquals(Optional.of("ffff1111"), WorkspaceIndex.htmlArtifact(artifacts));
        assertEquals(Optional.empty(), WorkspaceIndex.htmlArtifact(Map.of("page.mhtml", "0000aaaa")));
    }
}
