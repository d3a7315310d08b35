package org.insyn.platform.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.testing.VeraPdf;
import org.junit.jupiter.api.Test;
import org.librepdf.openpdf.fonts.Liberation;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** PDFBox writing PDF/A-3b with an embedded Liberation font, validated by veraPDF in-process. */
class PdfaTest {

    static final String SWEDISH = "åäö ÅÄÖ";

    /** LiberationSans-Regular.ttf from the openpdf-fonts-extra bundle (resource dir "liberation/" is not a package, so use Bundle.getEntry). */
    static InputStream liberationSans() throws Exception {
        Bundle fonts = FrameworkUtil.getBundle(Liberation.class);
        assertNotNull(fonts, "openpdf-fonts-extra must be an OSGi bundle");
        URL url = fonts.getEntry("liberation/LiberationSans-Regular.ttf");
        assertNotNull(url, "font entry in " + fonts.getSymbolicName());
        return url.openStream();
    }

    static byte[] makePdfA() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font;
            try (InputStream in = liberationSans()) {
                font = PDType0Font.load(doc, in);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 14);
                cs.newLineAtOffset(72, 700);
                cs.showText(SWEDISH);
                cs.endText();
            }
            String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                    + "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n"
                    + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
            PDMetadata md = new PDMetadata(doc);
            md.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(md);
            PDOutputIntent oi = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            oi.setInfo("sRGB IEC61966-2.1");
            oi.setOutputCondition("sRGB IEC61966-2.1");
            oi.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            oi.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(oi);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] plainPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Hello");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void liberationFontEmbeddedWithSwedishText() throws Exception {
        byte[] pdf = makePdfA();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().contains("LiberationSans"), font.getName());
            assertEquals(SWEDISH, new PDFTextStripper().getText(doc).trim());
        }
    }

    @Test
    void veraPdfInProcess() throws Exception {
        List<String> failed = VeraPdf.failedRules(makePdfA(), "3b");
        assertTrue(failed.isEmpty(), "PDF/A-3b produced with PDFBox must validate: " + failed);
        assertFalse(VeraPdf.failedRules(plainPdf(), "3b").isEmpty(), "non-embedded Helvetica is not PDF/A");
    }
}
