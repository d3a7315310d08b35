package org.insyn.index.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.Subject;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.Retention;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults.Found;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index following the real store (encrypted H2 in a temporary workspace), both offered as DS services: every
 * change reaches the index before the store call returns, deletions leave it, and it is rebuilt from the store.
 */
class StoreIndexTest {
    static final char[] ADMIN = "administratörens-lösenord".toCharArray();
    static final char[] ANNA = "annas-eget-lösenord".toCharArray();

    @TempDir
    Path dir;
    private WorkspaceConfig config;
    private Workspace ws;
    private SearchIndex index;
    private Session anna;
    private long caseId;
    private Subject subject;
    private Justification justification;

    @BeforeEach
    void open() throws Exception {
        config = WorkspaceConfig.embedded(dir);
        try (Workspace admin = service(WorkspaceProvider.class).create(config,
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), ADMIN)) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), ANNA);
            admin.accounts().create(new User("bo", "Bo", Set.of(Role.INVESTIGATOR), Set.of("south"), true), ANNA);
            admin.accounts().create(new User("fia", "Fia", Set.of(Role.FIELD_WORKER), Set.of("north"), true), ANNA);
        }
        ws = service(WorkspaceProvider.class).signIn(config, "anna", ANNA);
        anna = ws.session();
        CaseFile c = anna.openCase("north", "Ekonomiskt bistånd");
        caseId = c.id();
        subject = anna.saveSubject(caseId, Items.NAME, List.of("Lo Zlatanović"), Optional.of("Stockholm"), Optional.of("Rinkeby"));
        anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.IN_PERSON, "Anna");
        justification = anna.justify(Optional.of(caseId), "north", ReasonCategory.INCORRECT_INFORMATION,
                "Uppgifter i ansökan behöver kontrolleras.", SearchMode.CLIENT);
        index = service(SearchIndexProvider.class).open(config, ws, (done, total) -> { });
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        ws.close();
    }

    private List<Long> ids(String query) {
        return index.search(SearchQuery.of(query)).found().stream().map(Found::id).toList();
    }

    private Note note(long id, String text, List<Long> hits) {
        Instant now = Instant.now();
        return anna.saveNote(new Note(id, caseId, "anna", text, RecordClass.CLIENT_FILE, hits, List.of(), now, now));
    }

    @Test
    void noteIsFoundAtOnceWhenCreatedEditedAndDeleted() {
        Note created = note(0, "Hembesök i Husby: ingen öppnade.", List.of());
        Found found = index.search(SearchQuery.of("husby")).found().get(0);
        assertEquals(Kind.NOTE, found.kind());
        assertEquals(created.id(), found.id());
        assertEquals(Optional.of(caseId), found.caseId());

        SearchRun run = anna.startSearch(justification.id(), "\"" + Items.NAME + "\"", List.of("forums"));
        Hit hit = anna.addHits(run.id(), List.of(new Session.HitDraft("forums", "http://127.0.0.1/t/1", "Tråd om bilar",
                "Säljer en bil", Optional.empty(), Optional.of("bilnisse")))).get(0);
        note(created.id(), "Hembesök i Tensta i stället, se träffen om bilen.", List.of(hit.id()));
        assertEquals(List.of(), ids("husby"));
        assertEquals(List.of(created.id()), ids("tensta"));

        anna.delete(StoreEvent.Type.NOTE, created.id(), "skrevs i fel ärende");
        assertEquals(List.of(), ids("tensta"));
    }

    @Test
    void R3_irrelevantHitIsGoneFromIndex() {
        SearchRun run = anna.startSearch(justification.id(), "\"" + Items.NAME + "\"", List.of("forums"));
        List<Hit> hits = anna.addHits(run.id(), List.of(
                new Session.HitDraft("forums", "http://127.0.0.1/t/1", "Kerstin på forumet", "Inlägg om skulder",
                        Optional.empty(), Optional.of("xX_dark_angel92")),
                new Session.HitDraft("forums", "http://127.0.0.1/t/2", "En annan Kerstin", "Inlägg om hästar",
                        Optional.empty(), Optional.of("hastflickan"))));
        assertEquals(List.of(hits.get(0).id()), ids("xX_dark_angel92"));
        assertEquals(List.of(hits.get(1).id()), ids("hästar"));

        anna.triage(hits.get(1).id(), Relevance.IRRELEVANT);
        anna.triage(hits.get(0).id(), Relevance.RELEVANT);
        assertEquals(List.of(), ids("hästar"));
        assertEquals(List.of(), ids("hastflickan"));
        assertEquals(List.of(hits.get(0).id()),
                index.search(SearchQuery.of("Kerstin").withRelevance(Relevance.RELEVANT)).found().stream().map(Found::id).toList());
    }

    @Test
    void capturedPageTextIsFound() {
        String html = "<html><head><title>Kerstins blogg</title><script>var x = 'spårare';</script></head>"
                + "<body><p>Idag sålde jag soffan på Blocket.</p></body></html>";
        String page = ws.blobs().put(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        String shot = ws.blobs().put(new ByteArrayInputStream("PNG".getBytes(StandardCharsets.UTF_8)));
        String manifest = ws.blobs().put(new ByteArrayInputStream("manifest".getBytes(StandardCharsets.UTF_8)));
        Capture capture = anna.saveCapture(new Capture(0, caseId, justification.id(), Optional.empty(), "http://127.0.0.1/blogg",
                "http://127.0.0.1/blogg", 200, Instant.now(), "Europe/Stockholm", "anna", "insyn-test",
                Map.of("page.html", page, "screenshot.png", shot), manifest, Optional.empty(), RecordClass.CLIENT_FILE, true));
        Found found = index.search(SearchQuery.of("soffan")).found().get(0);
        assertEquals(Kind.CAPTURE, found.kind());
        assertEquals(capture.id(), found.id());
        assertEquals("Kerstins blogg", found.title());
        assertEquals(List.of(), ids("spårare"));
    }

    @Test
    void R14_erasedSubjectLeavesTheIndex() {
        note(0, "Anteckning om Zlatanović och skulderna.", List.of());
        assertEquals(1, ids("Zlatanović").size());
        anna.erase(subject.id(), "begäran om radering");
        assertEquals(List.of(), ids("Zlatanović"));
        assertEquals(0, index.size());
    }

    @Test
    void R10_weededTextLeavesTheIndexFilesAtOnce() throws Exception {
        Instant now = Instant.now();
        anna.saveNote(new Note(0, caseId, "anna", "Grannen sa att " + Items.NAME + " har skulder.", RecordClass.MINOR_IMPORTANCE,
                List.of(), List.of(), now, now));
        for (int i = 0; i < 9; i++) {
            note(0, "Anteckning " + i + " om beslutet i personakten.", List.of());
        }
        // one segment holding all ten, so that the weeded note cannot take a whole segment with it
        index.reindex((done, total) -> { });
        assertTrue(Disk.contains(Disk.decrypted(dir.resolve("index"), ws.indexKey()), "zlatanovi"));
        try (Workspace admin = service(WorkspaceProvider.class).signIn(config, "admin", ADMIN)) {
            admin.session().retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
        }
        anna.closeCase(caseId);

        assertEquals(1, anna.retention().weed(Retention.Progress.NONE).notes());
        assertEquals(List.of(), ids("skulder"));
        byte[] files = Disk.decrypted(dir.resolve("index"), ws.indexKey());
        assertFalse(Disk.contains(files, "zlatanovi"), "weeding rewrote the segment without waiting for the index to close");
        assertTrue(Disk.contains(files, "personakt"));
        assertEquals(9, index.size());
    }

    @Test
    void missingOrDamagedIndexIsRebuiltFromTheStoreAtStart() throws Exception {
        for (int i = 0; i < 30; i++) {
            note(0, "Anteckning " + i + " om samtal med skolan i Rinkeby.", List.of());
        }
        index.close();
        index = null;
        deleteTree(dir.resolve("index"));
        List<long[]> progress = new ArrayList<>();
        try (SearchIndex rebuilt = service(SearchIndexProvider.class).open(config, ws, (d, t) -> progress.add(new long[] { d, t }))) {
            assertEquals(30, rebuilt.search(SearchQuery.of("skolan").limit(100)).found().size());
        }
        assertEquals(30, progress.get(progress.size() - 1)[0]);
        assertEquals(30, progress.get(progress.size() - 1)[1]);

        damageLargestFile(dir.resolve("index").resolve("lucene"));
        try (var directory = org.insyn.index.internal.IndexService.directory(dir.resolve("index"), ws.indexKey())) {
            assertFalse(LuceneIndex.isHealthy(directory));
        }
        try (SearchIndex rebuilt = service(SearchIndexProvider.class).open(config, ws, (d, t) -> { })) {
            assertEquals(30, rebuilt.search(SearchQuery.of("Rinkeby").limit(100)).found().size());
        }
    }

    @Test
    void indexOutOfStepWithTheStoreIsRebuiltAtStart() throws Exception {
        note(0, "Första anteckningen om bostaden.", List.of());
        index.close();
        index = null;
        // Changed while no index followed the store.
        note(0, "Andra anteckningen om bostaden.", List.of());
        try (SearchIndex reopened = service(SearchIndexProvider.class).open(config, ws, (d, t) -> { })) {
            assertEquals(2, reopened.search(SearchQuery.of("bostad")).found().size());
        }
    }

    @Test
    void R9_workspaceFilesHoldNoPersonnummerOrName() throws Exception {
        note(0, "Klienten " + Items.NAME + " (" + Items.PERSONNUMMER + ") har skulder hos kronofogden.", List.of());
        assertEquals(1, ids("\"" + Items.PERSONNUMMER + "\"").size());
        index.close();
        index = null;
        ws.close();
        byte[] onDisk = Disk.raw(dir);
        for (String secret : new String[] { Items.PERSONNUMMER, "19850312", "Zlatanovi", "zlatanovi", "Kerstin", "kerstin" }) {
            assertFalse(Disk.contains(onDisk, secret), secret + " is in clear text in the workspace");
        }
        ws = service(WorkspaceProvider.class).signIn(config, "anna", ANNA);
    }

    @Test
    void R9_aSearchShowsOnlyTheCasesAndOutreachHitsOfThePersonsUnitsAndAnotherUnitsCaseIsRefused() throws Exception {
        note(0, "Hembesök i Husby med socialsekreteraren.", List.of());
        // each person's index follows their own changes; another's are read in when the index next opens
        index.close();
        SearchRun outreach;
        try (Workspace fia = service(WorkspaceProvider.class).signIn(config, "fia", ANNA)) {
            Justification j = fia.session().justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                    "Uppsökande i forum om självskada i Husby.", SearchMode.OUTREACH);
            outreach = fia.session().startSearch(j.id(), "självskada Husby", List.of("forums"));
            fia.session().addHits(outreach.id(), List.of(new Session.HitDraft("forums", "http://127.0.0.1/t/9",
                    "Tråd i Husby", "Någon skriver om självskada", Optional.empty(), Optional.empty())));
        }
        index = service(SearchIndexProvider.class).open(config, ws, (d, t) -> { });
        assertEquals(2, ids("husby").size(), "anna finds her case's note and her unit's outreach hit");
        index.close();
        index = null;
        try (Workspace bo = service(WorkspaceProvider.class).signIn(config, "bo", ANNA);
                SearchIndex bos = service(SearchIndexProvider.class).open(config, bo, (d, t) -> { })) {
            assertEquals(2, bos.size(), "the index holds every unit's items");
            assertEquals(List.of(), bos.search(SearchQuery.of("husby")).found(), "bo of unit south finds none of them");
            InsynException e = assertThrows(InsynException.class, () -> bos.search(SearchQuery.of("husby").inCases(Set.of(caseId))));
            assertEquals(InsynException.Kind.REFUSED, e.kind());
            assertEquals(Optional.of(Rule.R9), e.rule());
        }
        AuditEntry refusal = ws.audit().entries(Optional.of(caseId), 0, 1000).getLast();
        assertEquals(AuditAction.ACCESS_REFUSED, refusal.action());
        assertEquals("bo", refusal.actorId());
    }

    @Test
    void R9_aRebuildStoppedByTheLockLeavesTheIndexAsItWasAndNothingHalfWritten() throws Exception {
        index.close();
        index = null;
        for (int i = 0; i < 1100; i++) {
            note(0, "Anteckning " + i + " om hembesöket i Skärholmen.", List.of());
        }
        index = service(SearchIndexProvider.class).open(config, ws, (d, t) -> { });
        assertEquals(1100, index.size());
        List<Long> reported = new ArrayList<>();
        InsynException stopped = assertThrows(InsynException.class, () -> index.reindex((done, total) -> {
            reported.add(done);
            if (done >= 1000) {
                ws.lock(); // the person walks away in the middle of the job
            }
        }));
        assertEquals(InsynException.Kind.LOCKED, stopped.kind());
        assertTrue(reported.contains(1000L) && !reported.contains(1100L), reported::toString);
        ws.unlock(ANNA);
        assertEquals(1100, index.size(), "the index is as it was before the rebuild began");
        assertEquals(1100, index.search(SearchQuery.of("Skärholmen").limit(2000)).found().size());
        try (var directory = org.insyn.index.internal.IndexService.directory(dir.resolve("index"), ws.indexKey())) {
            assertTrue(LuceneIndex.isHealthy(directory));
        }
        assertEquals(1100, index.reindex((d, t) -> { }));
    }

    private static void damageLargestFile(Path folder) throws Exception {
        Path largest;
        try (Stream<Path> files = Files.list(folder)) {
            largest = files.max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= (byte) 0xff;
        Files.write(largest, bytes);
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

}
