package org.insyn.report.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.Messages;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Subject;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.report.SubjectAccessInput;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.report.internal.PdfReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports made from a real workspace: the encrypted H2 store and its blob store, opened through OSGi. */
class StoreReportTest {
    @TempDir
    Path dir;
    final ReportService reports = new PdfReports();

    record Case(Workspace ws, Session anna, long caseId, Subject subject, Capture capture) {
    }

    Case caseWithACapture() throws Exception {
        WorkspaceConfig config = WorkspaceConfig.embedded(dir.resolve("ws"));
        char[] password = "korrekt häst batteri".toCharArray();
        WorkspaceProvider provider = service(WorkspaceProvider.class);
        try (Workspace admin = provider.create(config, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                password)) {
            admin.saveUnit(new Unit("rinkeby-ek", "Rinkeby-Kista ekonomiskt bistånd", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("rinkeby-ek"), true), password);
            admin.accounts().create(new User("sara", "Sara", Set.of(Role.SUPERVISOR), Set.of("rinkeby-ek"), true), password);
        }
        Workspace ws = provider.signIn(config, "anna", password);
        Session anna = ws.session();
        CaseFile c = anna.openCase("rinkeby-ek", "Ekonomiskt bistånd Lina Svensson");
        Subject subject = anna.saveSubject(c.id(), "Lina Svensson", List.of("Omar Svensson"), Optional.of("Stockholm"), Optional.empty());
        anna.recordTransparencyNote(c.id(), LocalDate.of(2026, 11, 2), NoticeChannel.LETTER, "Anna");
        Justification j = anna.justify(Optional.of(c.id()), "rinkeby-ek", ReasonCategory.INCORRECT_INFORMATION,
                "Lina uppger ingen inkomst men annonserar; hon nås på 070-123 45 67.", SearchMode.CLIENT);
        try (Workspace sara = provider.signIn(config, "sara", password)) {
            sara.session().review(j.id(), ReviewDecision.APPROVE, "Godkänd.");
        }
        String url = "https://www.blocket.se/annons/stockholm/barnklader/1234567";
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put("screenshot-full.png", ws.blobs().put(new ByteArrayInputStream(Fixtures.screenshot(1280, 2400, "Barnkläder"))));
        artifacts.put("response.warc", ws.blobs().put(new ByteArrayInputStream(new Fixtures(dir).warc(url, "<html>Barnkläder</html>"))));
        String manifest = ws.blobs().put(new ByteArrayInputStream(("{\"url\":\"" + url + "\"}").getBytes(StandardCharsets.UTF_8)));
        Capture capture = anna.saveCapture(new Capture(0, c.id(), j.id(), Optional.empty(), url, url, 200, Instant.now(), "Europe/Stockholm",
                "anna", "Insyn test", artifacts, manifest, Optional.empty(), RecordClass.CLIENT_FILE, true));
        Instant now = Instant.now();
        anna.saveNote(new Note(0, c.id(), "anna", "Annonsen visar att Omar Svensson hämtar kläderna.", RecordClass.CLIENT_FILE, List.of(),
                List.of(capture.id()), now, now));
        return new Case(ws, anna, c.id(), subject, capture);
    }

    @Test
    void R11_evidenceReportFromTheStoreEmbedsItsBlobsAndIsPdfA3b() throws Exception {
        Case k = caseWithACapture();
        try (Workspace ws = k.ws()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reports.evidence(EvidenceInput.from(ws, k.anna(), k.caseId(), List.of(), List.of(), Instant.now(), Messages.SWEDISH),
                    ws.blobs()::open, out);
            ReportTest.assertPdfA(out.toByteArray());
            Map<String, byte[]> files = ReportTest.embeddedFiles(out.toByteArray());
            assertEquals(k.capture().artifacts().get("response.warc"), Fixtures.sha256(files.get("finding-1-response.warc")));
            assertEquals(k.capture().manifestSha256(), Fixtures.sha256(files.get("finding-1-manifest.json")));
            String text = String.join("\n", ReportTest.pages(out.toByteArray()));
            assertTrue(text.contains("Granskning: godkänd") && text.contains("av sara: Godkänd."), text);
            assertTrue(text.contains("Annonsen visar att [namn] hämtar kläderna."), "the note, scrubbed: " + text);
            assertTrue(text.contains("Klienten informerades 2026-11-02 (per brev) av Anna"), text);
            assertFalse(text.contains("070-123 45 67"), text);
        }
    }

    @Test
    void R14_subjectAccessFromTheStoreShowsWhatTheStoreHolds() throws Exception {
        Case k = caseWithACapture();
        try (Workspace ws = k.ws()) {
            Session anna = k.anna();
            var run = anna.startSearch(anna.justifications(Optional.of(k.caseId())).getFirst().id(), "\"Lina Svensson\"", List.of("web"));
            anna.addHits(run.id(), List.of(new Session.HitDraft("web", "https://forum.example/t/77", "Lina säljer barnvagn",
                    "Omar Svensson hämtar", Optional.empty(), Optional.of("lina77"))));
            anna.finishSearch(run.id());
            SubjectAccess held = anna.subjectAccess(k.subject().id());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SubjectAccessInput input = new SubjectAccessInput(held, List.of(), Messages.SWEDISH);
            reports.subjectAccess(input, out);
            ReportTest.assertPdfA(out.toByteArray());
            assertEquals(reports.subjectAccessJson(input),
                    new String(ReportTest.embeddedFiles(out.toByteArray()).get("subject-access.json"), StandardCharsets.UTF_8));
            String text = String.join("\n", ReportTest.pages(out.toByteArray()));
            for (String shown : List.of(k.capture().url(), "https://forum.example/t/77", "Lina säljer barnvagn", "[namn] hämtar (lina77)",
                    "Annonsen visar att [namn] hämtar kläderna.", "Granskning: godkänd", "SEARCH_STARTED", "SUBJECT_ACCESS")) {
                assertTrue(text.contains(shown), shown + " in\n" + text);
            }
            assertFalse(text.contains("Omar"), text);
        }
    }
}
