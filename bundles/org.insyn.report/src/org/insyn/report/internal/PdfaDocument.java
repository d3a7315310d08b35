package org.insyn.report.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.librepdf.openpdf.fonts.Liberation;

/**
 * An A4 PDF/A-3b document written top to bottom: embedded Liberation fonts (Swedish glyphs), sRGB output intent,
 * XMP metadata matching the document information, optional banner and footer on every page, and files embedded as
 * PDF/A-3 associated files. Content streams and images go to a temporary file cache, so a long report does not
 * hold its images in memory.
 */
final class PdfaDocument implements AutoCloseable {
    static final float MARGIN = 50;
    static final float BANNER_SIZE = 10;
    static final float FOOTER_SIZE = 8;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float TOP = A4.getHeight() - MARGIN - 22;
    private static final float BOTTOM = MARGIN + 24;
    static final float WIDTH = A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    final PDType0Font regular;
    final PDType0Font bold;
    private final List<String> banner;
    private final String footer;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final Map<String, PDComplexFileSpecification> attachments = new TreeMap<>();
    private PDPageContentStream content;
    private float y;

    /**
     * @param banner lines shown on top of every page (R5), or none
     * @param footer line shown at the foot of every page before the page number
     */
    PdfaDocument(List<String> banner, String footer) {
        try {
            doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
            regular = font("LiberationSans-Regular.ttf");
            bold = font("LiberationSans-Bold.ttf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.banner = List.copyOf(banner);
        this.footer = footer;
    }

    private PDType0Font font(String file) throws IOException {
        try (InputStream in = Liberation.class.getResourceAsStream("/liberation/" + file)) {
            if (in == null) {
                throw new IOException("font " + file + " is missing from openpdf-fonts-extra");
            }
            return PDType0Font.load(doc, in);
        }
    }

    // ---- flow ----------------------------------------------------------------------------------------------

    void newPage() {
        try {
            closeContent();
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            float top = A4.getHeight() - MARGIN + 6;
            for (String line : banner) {
                text(bold, BANNER_SIZE, MARGIN, top, line, new Color(0xB0, 0x1C, 0x1C));
                top -= BANNER_SIZE + 3;
            }
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page when fewer than {@code height} points are left. */
    void need(float height) {
        if (content == null || y - height < BOTTOM) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    /** A heading, on the next page when fewer than two lines of what follows would fit under it. */
    void heading(String text, float size) {
        need(size * 2.5f + 28);
        y -= size * 0.6f;
        paragraph(bold, size, text);
        y -= size * 0.3f;
    }

    void paragraph(String text) {
        paragraph(regular, 10, text);
    }

    /** Wrapped text; newlines start new lines, words too long for a line (URLs, hashes) are broken. */
    void paragraph(PDType0Font font, float size, String text) {
        for (String line : wrap(font, size, clean(text), WIDTH)) {
            need(size * 1.35f);
            y -= size * 1.35f;
            text(font, size, MARGIN, y, line, Color.BLACK);
        }
    }

    /** "Label: value" with the value wrapped beside the label. */
    void field(String label, String value) {
        float labelWidth = 150;
        // Values at 9 points, so that a SHA-256 in hex fits on one line and can be copied whole.
        List<String> lines = wrap(regular, 9, clean(value), WIDTH - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            need(13.5f);
            y -= 13.5f;
            if (i == 0) {
                // A long label (an artifact's file name) is set smaller rather than run into its value.
                String l = clean(label);
                float size = Math.min(10, 10 * (labelWidth - 6) / Math.max(1, width(bold, 10, l)));
                text(bold, size, MARGIN, y, l, Color.BLACK);
            }
            text(regular, 9, MARGIN + labelWidth, y, lines.get(i), Color.BLACK);
        }
    }

    /** A row of cells at the given x offsets (from the margin), one line high. */
    void row(PDType0Font font, float size, float[] offsets, List<String> cells) {
        need(size * 1.5f);
        y -= size * 1.5f;
        for (int i = 0; i < cells.size(); i++) {
            text(font, size, MARGIN + offsets[i], y, clean(cells.get(i)), Color.BLACK);
        }
    }

    /** A row of cells that wrap within their columns (up to the next offset), as high as its tallest cell: a table head. */
    void wrappedRow(PDType0Font font, float size, float[] offsets, List<String> cells) {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            float width = (i + 1 < offsets.length ? offsets[i + 1] : WIDTH) - offsets[i] - 4;
            lines.add(wrap(font, size, clean(cells.get(i)), width));
            height = Math.max(height, lines.get(i).size());
        }
        need(size * 1.25f * height + size * 0.5f);
        for (int line = 0; line < height; line++) {
            y -= size * 1.25f;
            for (int i = 0; i < cells.size(); i++) {
                if (line < lines.get(i).size()) {
                    text(font, size, MARGIN + offsets[i], y, lines.get(i).get(line), Color.BLACK);
                }
            }
        }
        y -= size * 0.25f;
    }

    /**
     * The image at the full text width, continued on the following pages when it is taller than what is left.
     * The image is converted to opaque RGB (PDF/A-3 allows soft masks, but a screenshot needs none).
     */
    void image(BufferedImage source) {
        BufferedImage image = opaque(source);
        float scale = Math.min(1f, WIDTH / image.getWidth());
        int from = 0;
        while (from < image.getHeight()) {
            if (content == null || y - BOTTOM < 60) {
                newPage();
            }
            int rows = Math.min(image.getHeight() - from, (int) Math.floor((y - BOTTOM) / scale));
            try {
                PDImageXObject slice = LosslessFactory.createFromImage(doc, image.getSubimage(0, from, image.getWidth(), rows));
                y -= rows * scale;
                content.drawImage(slice, MARGIN, y, image.getWidth() * scale, rows * scale);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            from += rows;
            if (from < image.getHeight()) {
                newPage();
            }
        }
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    // ---- associated files (PDF/A-3) ------------------------------------------------------------------------

    /**
     * Embeds the bytes as an associated file of the document and returns their SHA-256, computed while they are
     * copied so that a reader can check them against the hash the report prints.
     *
     * @param relationship PDF/A-3 AFRelationship: Source, Data, Supplement, ...
     */
    String attach(String name, String mimeType, String description, String relationship, Instant modified, InputStream bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            PDEmbeddedFile file;
            try (InputStream in = new java.security.DigestInputStream(bytes, sha)) {
                file = new PDEmbeddedFile(doc, in);
            }
            file.setSubtype(mimeType);
            file.setSize(file.getLength() > Integer.MAX_VALUE ? -1 : (int) file.getLength());
            file.setModDate(calendar(modified));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription(description);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
            if (attachments.putIfAbsent(name, spec) != null) {
                throw new IllegalArgumentException("two attachments named " + name);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- finishing -----------------------------------------------------------------------------------------

    /**
     * Numbers the pages, sets the metadata, output intent and associated files, and writes the PDF.
     *
     * @return the number of pages and the SHA-256 of what was written
     */
    Written save(String title, String author, Instant created, OutputStream out) {
        try {
            closeContent();
            if (doc.getNumberOfPages() == 0) {
                newPage();
                closeContent();
            }
            int pages = doc.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = cs;
                    text(regular, FOOTER_SIZE, MARGIN, MARGIN - 12, clean(footer), Color.DARK_GRAY);
                    String number = (i + 1) + " / " + pages;
                    text(regular, FOOTER_SIZE, A4.getWidth() - MARGIN - regular.getStringWidth(number) / 1000 * FOOTER_SIZE, MARGIN - 12,
                            number, Color.DARK_GRAY);
                }
            }
            content = null;
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            if (!attachments.isEmpty()) {
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(attachments);
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
                names.setEmbeddedFiles(tree);
                catalog.setNames(names);
                COSArray associated = new COSArray();
                attachments.values().forEach(associated::add);
                catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
            }
            metadata(catalog, clean(title), clean(author), created);
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DigestOutputStream digesting = new DigestOutputStream(out, sha);
            doc.save(digesting);
            digesting.flush();
            return new Written(pages, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Written(int pages, String sha256) {
    }

    /** Document information and XMP say the same (PDF/A requires it); XMP declares PDF/A-3b. */
    private void metadata(PDDocumentCatalog catalog, String title, String author, Instant created) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Insyn");
        info.setProducer("Insyn (Apache PDFBox)");
        info.setCreationDate(calendar(created));
        info.setModificationDate(calendar(created));
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC).withNano(0));
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                + "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) + "</rdf:li></rdf:Alt></dc:title>"
                + "<dc:creator><rdf:Seq><rdf:li>" + xml(author) + "</rdf:li></rdf:Seq></dc:creator>"
                + "<dc:format>application/pdf</dc:format></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
                + "<xmp:CreatorTool>Insyn</xmp:CreatorTool><xmp:CreateDate>" + date + "</xmp:CreateDate>"
                + "<xmp:ModifyDate>" + date + "</xmp:ModifyDate><xmp:MetadataDate>" + date + "</xmp:MetadataDate></rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                + "<pdf:Producer>Insyn (Apache PDFBox)</pdf:Producer></rdf:Description>\n"
                + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli() / 1000 * 1000);
        return c;
    }

    @Override
    public void close() {
        try {
            closeContent();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- text ----------------------------------------------------------------------------------------------

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void text(PDType0Font font, float size, float x, float atY, String text, Color color) {
        try {
            content.beginText();
            content.setNonStrokingColor(color);
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tabs become spaces, other control characters go, characters the font cannot show become '?'. */
    String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(printable.computeIfAbsent(cp, this::canShow) ? cp : '?');
            }
        });
        return out.toString();
    }

    private boolean canShow(int codePoint) {
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            bold.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    static List<String> wrap(PDType0Font font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
