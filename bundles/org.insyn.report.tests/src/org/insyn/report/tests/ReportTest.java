package org.insyn.report.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Note;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.redact.PersonalDetail;
import org.insyn.core.report.ArchiveInput;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.report.SubjectAccessInput;
import org.insyn.core.service.ReportService;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.insyn.core.stats.Statistics;
import org.insyn.report.internal.PdfReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.insyn.testing.VeraPdf;

/** Every kind of PDF the product writes, validated by veraPDF as PDF/A-3b and parsed back with PDFBox. */
class ReportTest {
    static final String BANNER_SV = "Diskussionsunderlag – ej beslutsunderlag";
    static final String INCORRECT_SV = "Information från internet kan vara felaktig";

    @TempDir
    static Path dir;
    static Fixtures fixtures;
    static List<Capture> captures;
    static byte[] evidencePdf;
    static ReportResult evidenceResult;
    final ReportService reports = new PdfReports();

    @BeforeAll
    static void writeEvidenceReport() throws Exception {
        fixtures = new Fixtures(dir);
        captures = List.of(fixtures.capture(1, "https://www.blocket.se/annons/stockholm/barnklader/1234567", 4000, true),
                fixtures.capture(2, "https://www.instagram.com/linas_klader/", 900, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        evidenceResult = new PdfReports().evidence(Fixtures.evidence(captures, Messages.SWEDISH), fixtures.artifacts(), out);
        evidencePdf = out.toByteArray();
    }

    /** Validates the PDF and keeps it under target/reports for a person to look at. */
    static void assertPdfA(byte[] pdf) throws Exception {
        Path kept = Files.createDirectories(Path.of("target", "reports"));
        Files.write(kept.resolve(StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getMethodName()) + "-"
                + Fixtures.sha256(pdf).substring(0, 8) + ".pdf"), pdf);
        List<String> failed = VeraPdf.failedRules(pdf, "3b");
        assertTrue(failed.isEmpty(), "veraPDF PDF/A-3b: " + failed);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertTrue(xmp.contains("<dc:title>"), "XMP has the title");
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("Liberation"), font.getName());
                }
            }
        }
    }

    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    static Map<String, byte[]> embeddedFiles(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Map<String, byte[]> files = new HashMap<>();
            var tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
            COSArray associated = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertNotNull(associated, "the catalog lists its associated files (PDF/A-3)");
            List<COSBase> af = new ArrayList<>();
            associated.forEach(b -> af.add(b instanceof COSObject o ? o.getObject() : b));
            for (Map.Entry<String, PDComplexFileSpecification> e : tree.getNames().entrySet()) {
                COSDictionary spec = e.getValue().getCOSObject();
                assertTrue(af.contains(spec), e.getKey() + " is an associated file");
                assertNotNull(spec.getNameAsString(COSName.getPDFName("AFRelationship")), e.getKey() + " has an AFRelationship");
                files.put(e.getKey(), e.getValue().getEmbeddedFile().toByteArray());
            }
            return files;
        }
    }

    // ---- evidence report --------------------------------------------------------------------------------------

    @Test
    void R11_evidenceReportIsPdfA3b() throws Exception {
        assertPdfA(evidencePdf);
        assertEquals(pages(evidencePdf).size(), evidenceResult.pages());
        assertEquals(Fixtures.sha256(evidencePdf), evidenceResult.sha256());
    }

    @Test
    void R5_everyPageCarriesTheBannerAndTheWarningThatInternetInformationMayBeIncorrect() throws Exception {
        List<String> pages = pages(evidencePdf);
        assertTrue(pages.size() >= 5, "cover, two findings, a long screenshot over several pages: " + pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains(BANNER_SV), "page " + (i + 1) + " has the banner");
            assertTrue(pages.get(i).contains(INCORRECT_SV), "page " + (i + 1) + " says internet information may be incorrect");
            assertTrue(pages.get(i).contains((i + 1) + " / " + pages.size()), "page " + (i + 1) + " is numbered");
        }
    }

    @Test
    void R11_coverShowsCaseUnitJustificationReviewAndTransparencyNote() throws Exception {
        String cover = pages(evidencePdf).get(0);
        assertTrue(cover.contains("Dokumentation av information från internet"), cover);
        assertTrue(cover.contains("Ekonomiskt bistånd [namn] (7)"), "case title, scrubbed: " + cover);
        assertTrue(cover.contains("Rinkeby-Kista ekonomiskt bistånd (rinkeby-ek)"), cover);
        assertTrue(cover.contains("Misstanke om felaktiga uppgifter i ansökan om ekonomiskt bistånd, skriven 2026-11-20 12:05:09 UTC av anna"), cover);
        assertTrue(cover.contains("Granskning: godkänd 2026-11-20 12:35:09 UTC av sara: Godkänd, skälet är tydligt."), cover);
        assertTrue(cover.contains("Klienten informerades 2026-11-02 (vid personligt möte) av anna"), cover);
    }

    @Test
    void R7_R17_eachFindingShowsUrlTimesHashesAndTimestamp() throws Exception {
        String text = String.join("\n", pages(evidencePdf));
        Capture c = captures.get(0);
        assertTrue(text.contains(c.url()), "URL");
        assertTrue(text.contains("Dokumenterad (UTC) 2026-11-20 13:06:09"), "capture time UTC");
        assertTrue(text.contains("2026-11-20 14:06:09 CET (Europe/Stockholm)"), "capture time local");
        for (String sha : c.artifacts().values()) {
            assertTrue(text.contains(sha), "artifact hash " + sha);
        }
        assertTrue(text.contains(c.manifestSha256()), "manifest hash");
        assertTrue(text.contains("2026-11-20 13:06:11 UTC, utfärdad av " + Fixtures.TSA_NAME), "timestamp time and authority");
        assertTrue(text.contains("saknas (ingen tidsstämpeltjänst är inställd)"), "the second capture has no token");
    }

    /** The cover: every page before the first finding's. */
    static String cover(byte[] pdf) throws IOException {
        String all = String.join("\n", pages(pdf));
        return all.substring(0, all.indexOf("Fynd 1 av"));
    }

    @Test
    void R17_theCoverShowsEachCapturesTimeAndItsRfc3161TimestampWithTheAuthority() throws Exception {
        String cover = cover(evidencePdf).replaceAll("\\s+", " ");
        assertTrue(cover.contains("Tidpunkter och tidsstämplar (RFC 3161)"), cover);
        assertTrue(cover.contains("Fynd 1: sparat 2026-11-20 14:06:09 CET (Europe/Stockholm) (2026-11-20 13:06:09 UTC). Tidsstämpel"
                + " 2026-11-20 13:06:11 UTC från " + Fixtures.TSA_NAME + ", serienummer "), cover);
        String token = Fixtures.sha256(captures.get(0).timestampToken().orElseThrow());
        assertTrue(cover.contains("tidsstämpelns SHA-256 " + token), "the token itself, by its hash: " + cover);
        assertTrue(cover.contains("Fynd 2: sparat") && cover.contains("Ingen tidsstämpel: ingen tidsstämpeltjänst var inställd"), cover);
    }

    @Test
    void R12_theCoverSaysWhichPartsAreNotScrubbed() throws Exception {
        String cover = cover(evidencePdf).replaceAll("\\s+", " ");
        assertTrue(cover.contains("Inte borttaget: skärmdumparna, URL:erna och hashvärdena samt de bifogade WARC-filerna och manifesten"
                + " är bevis och återges exakt som de sparades, så de kan visa namn, personnummer"), cover);
    }

    @Test
    void R11_warcAndManifestAreEmbeddedAsAssociatedFilesWithTheirHashes() throws Exception {
        Map<String, byte[]> files = embeddedFiles(evidencePdf);
        assertEquals(4, files.size(), files.keySet().toString());
        for (int i = 0; i < captures.size(); i++) {
            Capture c = captures.get(i);
            String prefix = "finding-" + (i + 1);
            assertEquals(c.artifacts().get("response.warc"), Fixtures.sha256(files.get(prefix + "-response.warc")));
            assertEquals(c.manifestSha256(), Fixtures.sha256(files.get(prefix + "-manifest.json")));
            assertTrue(new String(files.get(prefix + "-response.warc"), StandardCharsets.UTF_8).startsWith("WARC/1."));
        }
    }

    @Test
    void R7_eachFindingShowsTheNotesAboutItsCaptureOrItsHit() throws Exception {
        String text = String.join("\n", pages(evidencePdf));
        int second = text.indexOf("Fynd 2 av 2");
        assertTrue(second > 0, text);
        int aboutCapture = text.indexOf("Annonsen visar att");
        int aboutHit = text.indexOf("Profilen är öppen och uppdateras varje vecka.");
        assertTrue(aboutCapture > 0 && aboutCapture < second, "the note on the first capture is with the first finding");
        assertTrue(aboutHit > second, "the note on the second finding's hit is with the second finding");
        assertTrue(text.contains("Anteckning 2026-11-20 13:05:09 UTC av sara"), "who wrote it and when");
    }

    @Test
    void R7_longScreenshotIsSplitAcrossPages() throws Exception {
        try (PDDocument doc = Loader.loadPDF(evidencePdf)) {
            int pagesWithImages = 0;
            float drawnRows = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        pagesWithImages++;
                        assertEquals(1280, image.getWidth());
                        drawnRows += image.getHeight();
                    }
                }
            }
            // 4000 + 900 rows of screenshot: every row is drawn once, over more pages than there are captures.
            assertEquals(4900, drawnRows, 0.5);
            assertTrue(pagesWithImages >= 4, "the 4000-row screenshot takes several pages: " + pagesWithImages);
        }
    }

    @Test
    void R12_freeTextIsScrubbedAndTheCoverCountsWhatWasRemoved() throws Exception {
        String text = String.join("\n", pages(evidencePdf));
        for (String detail : List.of("850312-1231", "070-123 45 67", "Omar", "Storgatan 12", "Lina Svensson")) {
            assertFalse(text.contains(detail), detail + " must not leave the product");
        }
        assertTrue(text.contains("[personnummer]") && text.contains("[telefonnummer]") && text.contains("[adress]"), text);
        assertEquals(Map.of(PersonalDetail.PERSONNUMMER, 1, PersonalDetail.PHONE, 1, PersonalDetail.ADDRESS, 1, PersonalDetail.NAME, 4),
                evidenceResult.redacted());
        assertTrue(text.contains("personnummer: 1, telefonnummer: 1, adresser: 1, namn: 4"), "counts on the cover, not the values");
    }

    @Test
    void R17_anArtifactChangedOutsideTheProductIsRefused() throws Exception {
        Path other = Files.createDirectories(dir.resolve("tampered"));
        Fixtures tampered = new Fixtures(other);
        Capture c = tampered.capture(9, "https://example.org/sida", 300, false);
        Files.writeString(other.resolve(c.artifacts().get("response.warc")), "WARC/1.1\r\nchanged");
        InsynException e = assertThrows(InsynException.class, () -> reports.evidence(Fixtures.evidence(List.of(c), Locale.ENGLISH),
                tampered.artifacts(), OutputStream.nullOutputStream()));
        assertEquals(InsynException.Kind.INTEGRITY, e.kind());
        assertEquals(Optional.of(Rule.R17), e.rule());
    }

    @Test
    void R5_englishReportHasTheEnglishBanner() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.evidence(Fixtures.evidence(List.of(captures.get(1)), Locale.ENGLISH), fixtures.artifacts(), out);
        assertPdfA(out.toByteArray());
        for (String page : pages(out.toByteArray())) {
            assertTrue(page.contains("Discussion material – not a basis for a decision"), page);
            assertTrue(page.contains("Information from the internet may be incorrect"), page);
        }
    }

    // ---- transparency letter (R4) -------------------------------------------------------------------------

    @Test
    void R4_transparencyLetterIsOnePlainPagePdfA3bInSwedishAndEnglish() throws Exception {
        for (Locale locale : List.of(Messages.SWEDISH, Locale.ENGLISH)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportResult r = reports.letter(new LetterInput("Lina Svensson", "Rinkeby-Kista ekonomiskt bistånd", "Anna Andersson",
                    "Box 7087, 164 07 Kista, telefon 08-508 01 000", LocalDate.of(2026, 11, 2), locale), out);
            assertPdfA(out.toByteArray());
            assertEquals(1, r.pages(), "one page");
            String text = pages(out.toByteArray()).get(0).replaceAll("\\s+", " ");
            if (locale == Messages.SWEDISH) {
                assertTrue(text.contains("Hej Lina Svensson!"), text);
                assertTrue(text.contains("kan söka efter information om dig i öppna källor på internet"), "what may be done: " + text);
                assertTrue(text.contains("aldrig underlag för ett beslut"), "discussion material only (R5)");
                assertTrue(text.contains("raderas"), "irrelevant material deleted (R3)");
                assertTrue(text.contains("Du har rätt att få veta vad vi har om dig"), "how to ask what is held (R14)");
            } else {
                assertTrue(text.contains("may search for information about you in public sources on the internet"), text);
                assertTrue(text.contains("never the basis for a decision"), text);
                assertTrue(text.contains("You have the right to know what we hold about you"), text);
            }
            assertTrue(text.contains("Box 7087, 164 07 Kista"), "contact for questions");
            assertFalse(text.contains("Diskussionsunderlag"), "a letter is not internet material: no banner");
        }
    }

    // ---- statistics (R13) ---------------------------------------------------------------------------------

    @Test
    void R13_statisticsPdfShowsOnlyCountsOfFiveOrMore() throws Exception {
        List<SearchFact> facts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 12; i++) {
            facts.add(new SearchFact("rinkeby-ek", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.FINDINGS, YearMonth.of(2026, 10), "c" + n++));
        }
        for (int i = 0; i < 3; i++) {
            facts.add(new SearchFact("rinkeby-ek", ReasonCategory.CHILD_WELFARE, SearchOutcome.NO_HITS, YearMonth.of(2026, 11), "c" + n++));
        }
        for (int i = 0; i < 9; i++) {
            facts.add(new SearchFact("kungsholmen", ReasonCategory.CHILD_WELFARE, SearchOutcome.NOTHING_RELEVANT, YearMonth.of(2026, 11), "c" + n++));
        }
        Statistics stats = new Statistics(5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.statistics(new StatisticsInput("Informationssökningar hösten 2026", stats.export(facts), stats.threshold(), "sara",
                Instant.parse("2026-12-01T08:00:00Z"), Messages.SWEDISH), out);
        assertPdfA(out.toByteArray());
        String text = String.join("\n", pages(out.toByteArray()));
        assertTrue(text.contains("Ett antal visas bara när det är minst 5 ärenden"), text);
        // November's 3 is hidden, and October's 12 too: the shown total 15 would give the 3 away.
        assertTrue(text.contains("rinkeby-ek – – 15"), text);
        for (String line : text.split("\n")) {
            if (line.startsWith("rinkeby-ek ") || line.startsWith("kungsholmen ") || line.startsWith("Totalt ")) {
                for (String cell : line.split(" ")) {
                    assertFalse(cell.matches("\\d+") && Integer.parseInt(cell) < 5, "no count under five: " + line);
                }
            }
        }
    }

    // ---- subject access (R14) ------------------------------------------------------------------------------

    /** Everything held about Lina: a search with a kept hit, a note naming a relative and a neighbour's phone, two captures. */
    static SubjectAccess held() {
        SearchRun run = new SearchRun(4, 3, "\"Lina Svensson\" Stockholm", List.of("web", "forum"), "anna", Fixtures.T0.minusSeconds(600),
                Optional.of(Fixtures.T0.minusSeconds(590)));
        Hit hit = new Hit(1, 4, "web", captures.get(0).url(), "Barnkläder säljes – Lina", "Omar hämtar i Rinkeby, ring 08-123 456 78",
                Optional.empty(), Optional.of("lina_s"), Relevance.RELEVANT);
        Note note = new Note(5, 7, "anna", "Maja Lind bor på Storgatan 12 och har sett annonsen.", RecordClass.CLIENT_FILE, List.of(1L),
                List.of(1L), Fixtures.T0, Fixtures.T0);
        AuditEntry entry = new AuditEntry(1, Fixtures.T0, "anna", AuditAction.CAPTURE_SAVED, Optional.of(7L), "capture:1", "Sida dokumenterad",
                "0".repeat(64), "1".repeat(64));
        return new SubjectAccess(Fixtures.SUBJECT, Fixtures.CASE, List.of(Fixtures.NOTE), List.of(Fixtures.JUSTIFICATION), List.of(Fixtures.REVIEW),
                List.of(run), List.of(hit), List.of(note), captures, List.of(entry), "anna", Fixtures.T0.plusSeconds(86_400));
    }

    @Test
    void R14_subjectAccessPdfShowsEverythingHeldAndEmbedsTheSameAsJson() throws Exception {
        SubjectAccessInput input = new SubjectAccessInput(held(), List.of(), Messages.SWEDISH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportResult r = reports.subjectAccess(input, out);
        assertPdfA(out.toByteArray());
        String text = String.join("\n", pages(out.toByteArray()));
        assertTrue(text.contains("Allt som finns registrerat om Lina Svensson"), "the subject sees their own name");
        for (String shown : List.of("Ekonomiskt bistånd Lina Svensson (7)", "Anhöriga [namn], [namn]", "Stadsdel Rinkeby",
                "Klienten informerades 2026-11-02 (vid personligt möte)", "Misstanke om felaktiga uppgifter", "Granskning: godkänd",
                "Sökte efter \"Lina Svensson\" Stockholm", "Källor web, forum", "Träff (relevant): Barnkläder säljes – Lina",
                "[namn] hämtar i Rinkeby, ring [telefonnummer] (lina_s)", "[namn] bor på [adress] och har sett annonsen.", captures.get(1).url(),
                captures.get(0).manifestSha256(), "CAPTURE_SAVED", "capture:1")) {
            assertTrue(text.contains(shown), shown + " in\n" + text);
        }
        // R12 for the person themself: no one else's details, and numbers are scrubbed since their owner is unknown.
        for (String gone : List.of("Omar", "Maja", "Lind", "Storgatan", "08-123 456 78", "070-123 45 67")) {
            assertFalse(text.contains(gone), gone + " is another person's detail or may be");
        }
        assertEquals(Map.of(PersonalDetail.NAME, 4, PersonalDetail.PHONE, 2, PersonalDetail.ADDRESS, 1), r.redacted());
        assertTrue(text.contains("Borttaget: telefonnummer: 2, adresser: 1, namn: 4."), text);

        String json = new String(embeddedFiles(out.toByteArray()).get("subject-access.json"), StandardCharsets.UTF_8);
        assertEquals(reports.subjectAccessJson(input), json, "the JSON alone is the one embedded");
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals("Lina Svensson", tree.at("/subject/name").asText());
        assertEquals("[\"[namn]\",\"[namn]\"]", tree.at("/subject/relatives").toString());
        assertEquals("[namn] hämtar i Rinkeby, ring [telefonnummer]", tree.at("/hits/0/snippet").asText());
        assertEquals("\"Lina Svensson\" Stockholm", tree.at("/searches/0/query").asText());
        assertEquals(captures.get(1).manifestSha256(), tree.at("/captures/1/manifestSha256").asText());
        assertEquals("CAPTURE_SAVED", tree.at("/audit/0/action").asText());
        assertEquals(4, tree.at("/redacted/NAME").asInt(), "the counts, not the values");
        for (String gone : List.of("Omar", "Maja", "Storgatan", "08-123", "070-123")) {
            assertFalse(json.contains(gone), gone + " in the JSON");
        }
        for (String page : pages(out.toByteArray())) {
            assertTrue(page.contains(BANNER_SV), "findings are internet material (R5)");
        }
    }

    @Test
    void R12_aWorkersSecrecyReviewScrubsFurtherTermsFromTheSubjectAccess() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportResult r = reports.subjectAccess(new SubjectAccessInput(held(), List.of("barnkläder", "Rinkeby"), Locale.ENGLISH), out);
        String text = String.join("\n", pages(out.toByteArray()));
        assertFalse(text.toLowerCase(Locale.ROOT).contains("barnkläder"), "the term is scrubbed wherever it is written: " + text);
        assertTrue(text.contains("District [redacted]"), "the subject's own details too, when the worker asks: " + text);
        assertTrue(text.contains("Everything held about Lina Svensson") && text.contains("Result (relevant): [redacted] säljes"), text);
        assertEquals(3, r.redacted().get(PersonalDetail.TERM), "hit title, snippet, district: " + r.redacted());
    }

    // ---- yearly archive (R11) ----------------------------------------------------------------------------

    @Test
    void R11_yearlyArchiveOfTheServicesOwnPagesIsOneDatedPdfA() throws Exception {
        Path own = Files.createDirectories(dir.resolve("own-pages"));
        Fixtures f = new Fixtures(own);
        List<Capture> pages = List.of(f.capture(21, "https://www.facebook.com/stockholmsstad.ungdom", 1500, true),
                f.capture(22, "https://www.instagram.com/fältassistenterna_kista/", 800, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportResult r = reports.archive(new ArchiveInput(2026, "Fältassistenterna Rinkeby-Kista", pages,
                List.of(new ArchiveInput.Missed("https://www.tiktok.com/@faltarna", "Sidan gick inte att nå.")), "sara",
                Instant.parse("2026-12-31T10:00:00Z"), Messages.SWEDISH), f.artifacts(), out);
        assertPdfA(out.toByteArray());
        List<String> text = pages(out.toByteArray());
        assertEquals(text.size(), r.pages());
        String title = "Årsarkiv 2026: Fältassistenterna Rinkeby-Kistas sidor i sociala medier";
        assertTrue(text.get(0).contains("2026-12-31 10:00:00 UTC"), "dated");
        for (Capture c : pages) {
            assertTrue(text.get(0).contains(c.url()), "listed on the first page");
        }
        assertTrue(text.get(0).contains("Sidor som inte kunde arkiveras (1)") && text.get(0).contains("https://www.tiktok.com/@faltarna"),
                "a page that could not be captured is listed with its reason: " + text.get(0));
        for (int i = 0; i < text.size(); i++) {
            assertTrue(text.get(i).contains(title), "page " + (i + 1) + " says what it is and which year");
        }
        String all = String.join("\n", text);
        Map<String, byte[]> files = embeddedFiles(out.toByteArray());
        assertEquals(4, files.size(), "WARC and manifest of each page: " + files.keySet());
        for (int i = 0; i < pages.size(); i++) {
            Capture c = pages.get(i);
            assertEquals(c.artifacts().get("response.warc"), Fixtures.sha256(files.get("page-" + (i + 1) + "-response.warc")));
            assertEquals(c.manifestSha256(), Fixtures.sha256(files.get("page-" + (i + 1) + "-manifest.json")));
            assertTrue(all.contains(c.manifestSha256()) && all.contains(c.artifacts().get("screenshot-full.png")), "hashes printed");
        }
    }

    // ---- the OSGi service ----------------------------------------------------------------------------------

    @Test
    void reportServiceIsOfferedThroughDeclarativeServices() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PdfReports.class).getBundleContext();
        assertNotNull(context, "org.insyn.report is started (lazy activation)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service(ReportService.class).letter(new LetterInput("Ali Hassan", "Fältassistenterna", "Farid", "08-508 00 000",
                LocalDate.of(2026, 11, 24), Messages.SWEDISH), out);
        assertPdfA(out.toByteArray());
    }
}
