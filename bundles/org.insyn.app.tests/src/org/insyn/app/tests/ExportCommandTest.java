package org.insyn.app.tests;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.app.Cli;
import org.insyn.app.ExportCommand;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** {@code insyn cli export ...} against the report service that Declarative Services runs in this OSGi runtime. */
class ExportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> env = Map.of();

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(ExportCommand.class).getBundleContext();
        for (int i = 0; i < 100; i++) {
            ServiceReference<T> ref = context.getServiceReference(type);
            if (ref != null) {
                return context.getService(ref);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " registered");
    }

    private int run(String... args) {
        return new Cli("1.0.0", List.of(new ExportCommand(() -> service(ReportService.class), () -> service(WorkspaceProvider.class), env)))
                .run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A workspace with one case: a subject, a justification and a capture whose screenshot and WARC are in the blob store. */
    long caseInAWorkspace(Path dir) throws Exception {
        try (Workspace ws = service(WorkspaceProvider.class).open(WorkspaceConfig.embedded(dir, "korrekt häst".toCharArray()))) {
            ws.saveUser("admin", new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true));
            ws.saveUnit("admin", new Unit("kista", "Rinkeby-Kista", ReviewPolicy.AFTER));
            ws.saveUser("admin", new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("kista"), true));
            Session anna = ws.session("anna");
            CaseFile c = anna.openCase("kista", "Ekonomiskt bistånd");
            anna.saveSubject(c.id(), "Lina Svensson", List.of("Omar Svensson"), Optional.empty(), Optional.empty());
            anna.recordTransparencyNote(c.id(), LocalDate.of(2026, 11, 2), NoticeChannel.IN_PERSON, "Anna");
            Justification j = anna.justify(Optional.of(c.id()), "kista", ReasonCategory.INCORRECT_INFORMATION,
                    "Lina annonserar barnkläder; Omar Svensson hämtar.", SearchMode.CLIENT);
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
        env = Map.of("INSYN_WORKSPACE", dir.resolve("ws").toString(), "INSYN_PASSPHRASE", "korrekt häst", "INSYN_USER", "anna");
        Path pdf = dir.resolve("rapport.pdf");
        assertEquals(Cli.OK, run("export", "report", "--case", String.valueOf(caseId), "--out", pdf.toString()), err::toString);
        String text = text(pdf);
        assertTrue(text.contains("Diskussionsunderlag – ej beslutsunderlag") && text.contains("https://www.blocket.se/annons/1"), text);
        assertTrue(text.contains("[namn] annonserar barnkläder; [namn] hämtar."), "scrubbed: " + text);
    }

    @Test
    void R14_exportSubjectWritesThePdfAndTheJson(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = Map.of("INSYN_WORKSPACE", dir.resolve("ws").toString(), "INSYN_PASSPHRASE", "korrekt häst", "INSYN_USER", "anna");
        Path pdf = dir.resolve("utdrag.pdf");
        Path json = dir.resolve("utdrag.json");
        assertEquals(Cli.OK, run("export", "subject", "--case", String.valueOf(caseId), "--out", pdf.toString(), "--json", json.toString()),
                err::toString);
        assertTrue(text(pdf).contains("Allt som finns registrerat om Lina Svensson"));
        assertTrue(Files.readString(json).contains("\"Lina Svensson\""), "the JSON holds the subject");
    }

    @Test
    void R4_aLetterForACaseIsRecordedAsItsTransparencyNote(@TempDir Path dir) throws Exception {
        long caseId = caseInAWorkspace(dir.resolve("ws"));
        env = Map.of("INSYN_WORKSPACE", dir.resolve("ws").toString(), "INSYN_PASSPHRASE", "korrekt häst", "INSYN_USER", "anna");
        assertEquals(Cli.OK, run("export", "letter", "--case", String.valueOf(caseId), "--client", "Lina Svensson", "--unit", "Rinkeby-Kista",
                "--worker", "Anna", "--contact", "08-508 01 000", "--date", "2026-11-24", "--out", dir.resolve("brev.pdf").toString()), err::toString);
        try (Workspace ws = service(WorkspaceProvider.class).open(WorkspaceConfig.embedded(dir.resolve("ws"), "korrekt häst".toCharArray()))) {
            TransparencyNote note = ws.session("anna").transparencyNote(caseId).orElseThrow();
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
                "Anna Andersson", "--contact", "08-508 01 000", "--date", "2026-11-02", "--out", pdf.toString()), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 page, PDF/A-3b, SHA-256 "), out::toString);
        String text = text(pdf);
        assertTrue(text.contains("Hej Lina Svensson!") && text.contains("Information om sökningar på internet"), text);
    }

    @Test
    void R13_exportStatsSuppressesSmallCellsInPdfAndCsv(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("unit,reason,outcome,month,case"));
        for (int i = 0; i < 7; i++) {
            lines.add("kista,CHILD_WELFARE,FINDINGS,2026-10,k" + i);
        }
        for (int i = 0; i < 2; i++) {
            lines.add("kista,OTHER,NO_HITS,2026-11,m" + i);
        }
        Path facts = Files.write(dir.resolve("searches.csv"), lines);
        Path pdf = dir.resolve("stats.pdf");
        Path csv = dir.resolve("stats.csv");
        assertEquals(Cli.OK, run("export", "stats", "--facts", facts.toString(), "--out", pdf.toString(), "--csv", csv.toString()), err::toString);
        String table = Files.readString(csv);
        // November's 2 is hidden; then October's 7 would be the total minus it, and the October total would be the 7.
        assertTrue(table.startsWith("UNIT\\MONTH,2026-10,2026-11,totalt\nkista,-,-,9\ntotalt,-,-,9\n"), table);
        assertFalse(table.contains(",2,"), "the two November searches are hidden");
        assertTrue(text(pdf).replaceAll("\\s+", " ").contains("minst 5 ärenden"));
    }

    @Test
    void R13_thresholdUnderFiveIsRefused(@TempDir Path dir) throws Exception {
        Path facts = Files.write(dir.resolve("searches.csv"), List.of("kista,OTHER,NO_HITS,2026-11,a"));
        assertEquals(1, run("export", "stats", "--facts", facts.toString(), "--out", dir.resolve("s.pdf").toString(), "--threshold", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("R13"), err::toString);
    }

    @Test
    void missingOptionsAreNamed() {
        assertEquals(Cli.USAGE, run("export", "letter", "--client", "Lina"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --unit, --worker, --contact, --out"), err::toString);
        assertNotNull(service(ReportService.class));
    }
}
