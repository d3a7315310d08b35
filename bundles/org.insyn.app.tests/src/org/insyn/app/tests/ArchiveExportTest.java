package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.insyn.app.Cli;
import org.insyn.app.ExportCommand;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.web.fixture.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insyn cli export archive}: the service's own pages on the loopback fixture web, captured by a real Chromium (R11). */
class ArchiveExportTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = new java.util.HashMap<>(Workspaces.as("fia"));
        env.put("INSYN_WORKSPACE", dir.resolve("ws").toString());
        return new Cli("1", List.of(new ExportCommand(() -> service(ReportService.class),
                () -> service(WorkspaceProvider.class), () -> service(CaptureService.class), env, Workspaces.NOTHING_TO_ASK, Locale.ENGLISH)))
                .run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Workspace workspace() {
        return Workspaces.signIn(service(WorkspaceProvider.class), dir.resolve("ws"), "fia");
    }

    @Test
    void R11_exportArchiveCapturesTheServicesOwnPagesIntoOneDatedPdfA() throws Exception {
        Workspaces.make(service(WorkspaceProvider.class), dir.resolve("ws"),
                new Unit("kista", "Fältassistenterna Rinkeby-Kista", ReviewPolicy.AFTER), Workspaces.person("fia", Role.FIELD_WORKER, "kista"));
        try (FixtureServer web = FixtureServer.start()) {
            String youthCentre = web.base("web") + "/socialt/ungdomsgarden.rinkeby";
            String support = web.base("web") + "/webb/stod-sjalvskada";
            String gone = "http://127.0.0.1:1/borta";
            Path urls = Files.writeString(dir.resolve("sidor.txt"), "# Förvaltningens egna sidor\n" + youthCentre + "\n\n" + support + "\n" + gone + "\n");
            Path pdf = dir.resolve("arkiv-2026.pdf");
            assertEquals(1, run("export", "archive", "--urls", urls.toString(), "--unit", "kista", "--year", "2026", "--out", pdf.toString(),
                    "--lang", "sv"), () -> out + "\n" + err);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("1/3: " + youthCentre) && printed.contains("3/3: " + gone), "progress: " + printed);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 of 3 pages could not be captured"), err::toString);

            // kept for a person to look at, as the report tests keep theirs
            Files.copy(pdf, Files.createDirectories(Path.of("target", "reports")).resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);

            List<Capture> captured;
            CaseFile archive;
            try (Workspace ws = workspace()) {
                archive = ws.session().cases().getFirst();
                captured = ws.session().captures(archive.id());
            }
            assertEquals("Årsarkiv 2026: egna sidor i sociala medier", archive.title());
            assertEquals(List.of(youthCentre, support), captured.stream().map(Capture::url).toList());
            assertTrue(captured.stream().allMatch(c -> c.recordClass() == RecordClass.REGISTERED), "archived pages are kept (R11)");

            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                    stripper.setStartPage(i);
                    stripper.setEndPage(i);
                    assertTrue(stripper.getText(doc).contains("Årsarkiv 2026: Fältassistenterna Rinkeby-Kistas sidor i sociala medier"),
                            "page " + i);
                }
                stripper.setStartPage(1);
                stripper.setEndPage(1);
                String cover = stripper.getText(doc);
                assertTrue(cover.contains(youthCentre) && cover.contains(support), cover);
                assertTrue(cover.contains("Sidor som inte kunde arkiveras (1)") && cover.contains(gone), cover);
                int images = 0;
                for (PDPage page : doc.getPages()) {
                    for (COSName name : page.getResources().getXObjectNames()) {
                        images += page.getResources().isImageXObject(name) ? 1 : 0;
                    }
                }
                assertTrue(images >= 2, "each page's screenshot is drawn: " + images);
                Map<String, PDComplexFileSpecification> files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
                for (int i = 0; i < captured.size(); i++) {
                    Capture c = captured.get(i);
                    assertEquals(c.artifacts().get("capture.warc.gz"), sha256(files.get("page-" + (i + 1) + "-capture.warc.gz")));
                    assertEquals(c.manifestSha256(), sha256(files.get("page-" + (i + 1) + "-manifest.json")));
                }
            }

            // The next run of the year goes into the same archive case.
            Files.writeString(urls, support + "\n");
            assertEquals(Cli.OK, run("export", "archive", "--urls", urls.toString(), "--unit", "kista", "--year", "2026", "--out",
                    dir.resolve("komplettering.pdf").toString()), () -> out + "\n" + err);
            try (Workspace ws = workspace()) {
                assertEquals(List.of(archive), ws.session().cases());
                assertEquals(3, ws.session().captures(archive.id()).size());
            }
        }
    }

    @Test
    void R2_underReviewBeforeTheArchiveWaitsForASupervisorsApproval() throws Exception {
        Workspaces.make(service(WorkspaceProvider.class), dir.resolve("ws"),
                new Unit("kista", "Fältassistenterna Rinkeby-Kista", ReviewPolicy.BEFORE), Workspaces.person("fia", Role.FIELD_WORKER, "kista"));
        Path urls = Files.writeString(dir.resolve("sidor.txt"), "https://www.facebook.com/exempel\n");
        assertEquals(1, run("export", "archive", "--urls", urls.toString(), "--unit", "kista", "--year", "2026", "--out",
                dir.resolve("a.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("R2"), err::toString);
        try (Workspace ws = workspace()) {
            var queue = ws.session().justifications(Optional.empty());
            assertEquals(1, queue.size(), "the archive's justification waits for review");
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("justification " + queue.getFirst().id()), "and its id is said: " + out);
        }
        assertTrue(Files.notExists(dir.resolve("a.pdf")));
    }

    @Test
    void anAddressListWithSomethingElseIsRefusedBeforeAnythingIsCaptured() throws Exception {
        Path urls = Files.writeString(dir.resolve("sidor.txt"), "https://www.facebook.com/exempel\nftp://example.org/fil\n");
        assertEquals(Cli.USAGE, run("export", "archive", "--urls", urls.toString(), "--unit", "kista", "--out", dir.resolve("a.pdf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Line 2 of " + urls + " is not a web address: ftp://example.org/fil"),
                err::toString);
    }

    static String sha256(PDComplexFileSpecification file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getEmbeddedFile().toByteArray()));
    }
}
