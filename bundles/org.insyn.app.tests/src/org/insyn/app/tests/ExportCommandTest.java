package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.app.Cli;
import org.insyn.app.ExportCommand;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insyn cli export ...} against the report service that Declarative Services runs in this OSGi runtime. */
class ExportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> env = Map.of();

    /** The workspace of the test and who signs in to it, as a script sets them. */
    static Map<String, String> env(Path dir, String user) {
        Map<String, String> env = new java.util.HashMap<>(Workspaces.as(user));
        env.put("INSYN_WORKSPACE", dir.resolve("ws").toString());
        return env;
    }

    private int run(String... args) {
        return new Cli("1.0.0", List.of(new ExportCommand(() -> service(ReportService.class), () -> service(WorkspaceProvider.class),
                () -> service(CaptureService.class), env, Workspaces.NOTHING_TO_ASK, Locale.ENGLISH)))
                .run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A workspace with one case: a subject, a justification and a capture whose screenshot and WARC are in the blob store. */
    long caseInAWorkspace(Path dir) throws Exception {
        try (Workspace ws = Workspaces.anna(service(WorkspaceProvider.class), dir, "kista")) {
            Session anna = ws.session();
            CaseFile c = anna.openCase("kista", "Ekonomiskt bistånd");
            anna.saveSubject(c.id(), "Lina Svensson", List.of("Omar Svensson"), Optional.empty(), Optional.empty());
            anna.recordTransparencyNote(c.id(), LocalDate.of(2026, 11, 2), NoticeChannel.IN_PERSON, "Anna");
            Justification j = anna.justify(Optional.of(c.id()), "kista", ReasonCategory.INCORRECT_INFORMATION,
                    "Lina annonserar barnkläder; Omar Svensson hämtar.", SearchMode.CLIENT);
            SearchRun run = anna.startSearch(j.id(), "\"Lina Svensson\"", List.of("web"));
            Hit hit = anna.addHits(run.id(), List.of(new Session.HitDraft("web", "https://www.blocket.se/annons/1", "Barnkläder säljes",
                    "Hämtas av Omar, ring 070-765 43 21", Optional.empty(), Optional.of("lina_s")))).getFirst();
            anna.triage(hit.id(), Relevance.RELEVANT);
            anna.finishSearch(run.id());
            BufferedImage image = new BufferedImage(800, 1200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.drawString("Barnkläder säljes", 20, 40);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            String shot = ws.blobs().put(new ByteArrayInputStream(png.toByteArray()));
            String warc = ws.blobs().put(new ByteArrayInputStream("WARC/1.1\r\nWARC-Type: response\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
            String manifest = ws.blobs().put(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
            anna.saveCapture(new Capture(0, c.id(), j.id(), Optional.empty(), "https://www.blocket.se/annons/1", "https://www.blocket.se/annons/1",
                    200, Instant.parse("2026-11-20T13:00:00Z"), "Europe/Stockholm", "anna", "test", Map.of("screenshot-full.png", shot,
                            "response.warc", warc), manifest, Optional.empty(), RecordClass.CLIENT_FILE, true));
            return c.id();
        }
    }

    @Test
    void R11_exportReportWritesTheEvidenceReportOfACaseInTheStore(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = env(dir, "anna");
        Path pdf = dir.resolve("rapport.pdf");
        assertEquals(Cli.OK, run("export", "report", "--case", String.valueOf(caseId), "--out", pdf.toString(), "--lang", "sv"), err::toString);
        String text = text(pdf);
        assertTrue(text.contains("Diskussionsunderlag – ej beslutsunderlag") && text.contains("https://www.blocket.se/annons/1"), text);
        assertTrue(text.contains("[namn] annonserar barnkläder; [namn] hämtar."), "scrubbed: " + text);
        try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class), dir.resolve("ws"), "anna")) {
            AuditEntry exported = ws.audit().entries(Optional.of(caseId), 0, 1000).getLast();
            assertEquals(AuditAction.EXPORTED, exported.action(), "R16: the export is on the trail");
            assertEquals("sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf))),
                    exported.detail());
        }
    }

    @Test
    void R14_exportSubjectShowsEverythingHeldInThePdfAndWritesTheSameJson(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = env(dir, "anna");
        Path pdf = dir.resolve("utdrag.pdf");
        Path json = dir.resolve("utdrag.json");
        assertEquals(Cli.OK, run("export", "subject", "--case", String.valueOf(caseId), "--out", pdf.toString(), "--json", json.toString(),
                "--lang", "sv"), err::toString);
        String text = text(pdf);
        for (String shown : List.of("Allt som finns registrerat om Lina Svensson", "Sökte efter \"Lina Svensson\"",
                "Träff (relevant): Barnkläder säljes", "Hämtas av [namn], ring [telefonnummer] (lina_s)", "[namn] hämtar.",
                "https://www.blocket.se/annons/1", "SEARCH_STARTED", "HIT_TRIAGED", "CAPTURE_SAVED", "SUBJECT_ACCESS")) {
            assertTrue(text.contains(shown), shown + " in\n" + text);
        }
        String written = Files.readString(json);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var embedded = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("subject-access.json");
            assertEquals(written, new String(embedded.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8), "the same JSON");
        }
        assertTrue(written.contains("\"Lina Svensson\""), "the JSON holds the subject: " + written);
        for (String gone : List.of("Omar", "070-765")) {
            assertFalse(text.contains(gone) || written.contains(gone), gone + " is someone else's detail (R12)");
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Personal details redacted (R12): phone numbers: 1, names: 3"), out::toString);
    }

    @Test
    void R11_aSelectedCaptureOutsideTheCaseIsRefused(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = env(dir, "anna");
        assertEquals(1, run("export", "report", "--case", String.valueOf(caseId), "--captures", "1,999", "--out", dir.resolve("r.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Capture 999 is not one of case " + caseId + "'s captures"), err::toString);
        assertFalse(Files.exists(dir.resolve("r.pdf")));
    }

    @Test
    void R17_aReportThatFailsHalfwayLeavesNoFile(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = env(dir, "anna");
        String warc;
        try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class), dir.resolve("ws"), "anna")) {
            warc = ws.session().captures(caseId).getFirst().artifacts().get("response.warc");
        }
        Path blob = dir.resolve("ws").resolve("blobs").resolve(warc.substring(0, 2)).resolve(warc);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);
        assertEquals(1, run("export", "report", "--case", String.valueOf(caseId), "--out", dir.resolve("rapport.pdf").toString()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("ws")), files.toList(), "no PDF, no partial file: " + err);
        }
    }

    @Test
    void R4_aLetterForACaseIsRecordedAsItsTransparencyNote(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = env(dir, "anna");
        assertEquals(Cli.OK, run("export", "letter", "--case", String.valueOf(caseId), "--client", "Lina Svensson", "--unit", "Rinkeby-Kista",
                "--worker", "Anna", "--contact", "08-508 01 000", "--date", "2026-11-24", "--out", dir.resolve("brev.pdf").toString()), err::toString);
        try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class), dir.resolve("ws"), "anna")) {
            TransparencyNote note = ws.session().transparencyNote(caseId).orElseThrow();
            assertEquals(NoticeChannel.LETTER, note.channel());
            assertEquals(LocalDate.of(2026, 11, 24), note.toldOn());
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void R4_exportLetterWritesTheTransparencyLetter(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("brev.pdf");
        assertEquals(Cli.OK, run("export", "letter", "--client", "Lina Svensson", "--unit", "Rinkeby-Kista ekonomiskt bistånd", "--worker",
                "Anna Andersson", "--contact", "08-508 01 000", "--date", "2026-11-02", "--out", pdf.toString(), "--lang", "sv"), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 page, PDF/A-3b, SHA-256 "), out::toString);
        String text = text(pdf);
        assertTrue(text.contains("Hej Lina Svensson!") && text.contains("Information om sökningar på internet"), text);
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistSaysSoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("finns-inte").resolve("brev.pdf");
        assertEquals(1, run("export", "letter", "--client", "Lina Svensson", "--unit", "Rinkeby-Kista", "--worker", "Anna Andersson",
                "--contact", "08-508 01 000", "--out", pdf.toString()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("The folder " + pdf.getParent() + " does not exist, so brev.pdf was not written. Choose a folder"), said);
        assertFalse(said.contains("partial") || said.contains("Exception"), said);
        assertFalse(Files.exists(pdf.getParent()), "no folder made by a command that failed");
    }

    /** Searches in unit kista: one case each, {@code findings} with a relevant hit and {@code empty} with no hits. */
    void searchesInAWorkspace(Path dir, int findings, int empty) {
        Workspaces.make(service(WorkspaceProvider.class), dir, new Unit("kista", "Rinkeby-Kista", ReviewPolicy.AFTER),
                Workspaces.person("anna", Role.INVESTIGATOR, "kista"), Workspaces.person("sara", Role.SUPERVISOR, "kista"));
        try (Workspace ws = Workspaces.signIn(service(WorkspaceProvider.class), dir, "anna")) {
            Session anna = ws.session();
            for (int i = 0; i < findings + empty; i++) {
                CaseFile c = anna.openCase("kista", "Ärende " + i);
                anna.recordTransparencyNote(c.id(), LocalDate.now(), NoticeChannel.LETTER, "Anna");
                Justification j = anna.justify(Optional.of(c.id()), "kista", ReasonCategory.CHILD_WELFARE,
                        "Oro för barnets hemsituation, uppgifter behöver kontrolleras.", SearchMode.CLIENT);
                SearchRun run = anna.startSearch(j.id(), "\"Klient " + i + "\"", List.of("web"));
                if (i < findings) {
                    Hit hit = anna.addHits(run.id(), List.of(new Session.HitDraft("web", "http://127.0.0.1/" + i, "t", "s", Optional.empty(),
                            Optional.empty()))).getFirst();
                    anna.triage(hit.id(), Relevance.RELEVANT);
                }
                anna.finishSearch(run.id());
            }
        }
    }

    @Test
    void R13_exportStatsCountsTheWorkspacesSearchesAndSuppressesSmallCells(@TempDir Path dir) throws Exception {
        searchesInAWorkspace(dir.resolve("ws"), 7, 2);
        env = env(dir, "sara");
        Path pdf = dir.resolve("stats.pdf");
        Path csv = dir.resolve("stats.csv");
        assertEquals(Cli.OK, run("export", "stats", "--out", pdf.toString(), "--csv", csv.toString(), "--lang", "en"), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("9 searches counted (R13)."), out::toString);
        String table = Files.readString(csv);
        assertTrue(table.matches("(?s)UNIT\\\\MONTH,\\d{4}-\\d{2},total\nkista,9,9\ntotal,9,9\n.*"), "one month, nine cases: " + table);
        // The two searches with no hits are hidden, and so are the seven with findings: the total would give the two away.
        assertTrue(table.contains("UNIT\\OUTCOME,FINDINGS,UNTRIAGED,NOTHING_RELEVANT,NO_HITS,REFUSED,total\nkista,-,-,-,-,-,9\n"), table);
        String text = text(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("A count is shown only when it is at least 5 cases"), text);
    }

    @Test
    void R13_statisticsOfAUnitWithoutSearchesAreWrittenAndSaySo(@TempDir Path dir) throws Exception {
        searchesInAWorkspace(dir.resolve("ws"), 0, 0);
        env = env(dir, "sara");
        assertEquals(Cli.OK, run("export", "stats", "--out", dir.resolve("s.pdf").toString(), "--from", "2026-01", "--to", "2026-12"),
                err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("No searches counted (R13)."), out::toString);
        assertTrue(text(dir.resolve("s.pdf")).contains("Information searches 2026-01 – 2026-12"), "titled with the period asked for");
    }

    @Test
    void R13_onlyASupervisorExportsStatistics(@TempDir Path dir) throws Exception {
        searchesInAWorkspace(dir.resolve("ws"), 1, 0);
        env = env(dir, "anna");
        assertEquals(1, run("export", "stats", "--out", dir.resolve("s.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("R13"), err::toString);
    }

    @Test
    void R13_thresholdUnderFiveIsRefused(@TempDir Path dir) throws Exception {
        searchesInAWorkspace(dir.resolve("ws"), 1, 0);
        env = env(dir, "sara");
        assertEquals(1, run("export", "stats", "--out", dir.resolve("s.pdf").toString(), "--threshold", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("R13"), err::toString);
        assertFalse(Files.exists(dir.resolve("s.pdf")), "nothing is written");
    }

    @Test
    void missingOptionsAreNamed() {
        assertEquals(Cli.USAGE, run("export", "letter", "--client", "Lina"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Missing --unit, --worker, --contact, --out."), err::toString);
        assertNotNull(service(ReportService.class));
    }
}
