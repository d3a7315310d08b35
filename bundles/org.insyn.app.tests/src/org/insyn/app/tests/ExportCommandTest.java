package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.app.Cli;
import org.insyn.app.ExportCommand;
import org.insyn.core.service.ReportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** {@code insyn cli export ...} against the report service that Declarative Services runs in this OSGi runtime. */
class ExportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static ReportService reports() {
        BundleContext context = FrameworkUtil.getBundle(ExportCommand.class).getBundleContext();
        for (int i = 0; i < 100; i++) {
            ServiceReference<ReportService> ref = context.getServiceReference(ReportService.class);
            if (ref != null) {
                return context.getService(ref);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no ReportService registered");
    }

    private int run(String... args) {
        return new Cli("1.0.0", List.of(new ExportCommand(ExportCommandTest::reports))).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
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
        assertNotNull(reports());
    }
}
