package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
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
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.Subject;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.model.User;
import org.insyn.core.service.AuditTrail.ChainHead;
import org.insyn.core.service.Erasure;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.junit.jupiter.api.Test;

/** The store's behaviour, run once on the encrypted H2 file and once on a real PostgreSQL server. */
abstract class StoreContract extends StoreFixture {
    // ---- policy at the store (R1, R2, R4, R8, R9) -------------------------------------------------------

    @Test
    void R4_clientSearchWithoutTransparencyNoteIsRefusedAndTheRefusalIsAudited() {
        long caseId = clientCase(anna, "north", false);
        Justification j = clientJustification(anna, caseId, "north");
        InsynException e = refused(Rule.R4, () -> anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web")));
        assertTrue(e.message(Messages.SWEDISH).startsWith("R4 "), e.message(Messages.SWEDISH));
        assertEquals(AuditAction.SEARCH_REFUSED, last().action());
        assertEquals(Optional.of(caseId), last().caseId());
        assertTrue(last().detail().contains("R4"), last().detail());
        assertTrue(ws.verify().clean());

        anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
        SearchRun run = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        assertEquals(AuditAction.SEARCH_STARTED, last().action());
        assertEquals("search:" + run.id(), last().target());
    }

    @Test
    void R4_checkedBeforeAJustificationIsWrittenSoARefusedAttemptStoresOnlyItsAuditEntry() {
        long caseId = clientCase(anna, "north", false);
        int justifications = anna.justifications(Optional.of(caseId)).size();
        refused(Rule.R4, () -> anna.checkMaySearch(Optional.of(caseId), SearchMode.CLIENT));
        assertEquals(AuditAction.SEARCH_REFUSED, last().action());
        assertEquals(Optional.of(caseId), last().caseId());
        assertTrue(last().detail().contains("R4"), last().detail());
        assertEquals(justifications, anna.justifications(Optional.of(caseId)).size(), "no justification stored");
        // R8: outreach needs no case and no transparency note; R1: a client search needs a case
        fia.checkMaySearch(Optional.empty(), SearchMode.OUTREACH);
        refused(Rule.R1, () -> anna.checkMaySearch(Optional.empty(), SearchMode.CLIENT));

        anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
        anna.checkMaySearch(Optional.of(caseId), SearchMode.CLIENT);
        assertTrue(ws.verify().clean());
    }

    @Test
    void R8_anOutreachJustificationWithoutACaseJoinsTheOutreachCaseItsFindingIsCapturedInto() {
        Justification j = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                "Uppsökande kontakt i forum om självskada i Rinkeby.", SearchMode.OUTREACH);
        long outreach = fia.openCase("north", "Uppsökande: forum i Rinkeby").id();
        Justification joined = fia.attachToCase(j.id(), outreach);
        assertEquals(Optional.of(outreach), joined.caseId());
        assertEquals(Optional.of(outreach), fia.justification(j.id()).caseId());
        assertEquals(AuditAction.JUSTIFICATION_WRITTEN, last().action());
        assertEquals("case=" + outreach, last().detail());
        // only once, and never a client search's or into a client's case
        assertEquals(InsynException.Kind.INVALID, assertThrows(InsynException.class, () -> fia.attachToCase(j.id(), outreach)).kind());
        long clientCase = clientCase(anna, "north", true);
        Justification other = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                "Uppsökande kontakt i forum om självskada i Kista.", SearchMode.OUTREACH);
        assertEquals(InsynException.Kind.INVALID, assertThrows(InsynException.class, () -> anna.attachToCase(other.id(), clientCase)).kind());
        assertTrue(ws.verify().clean());
    }

    @Test
    void R1_searchWithoutJustificationIsRefused() {
        refused(Rule.R1, () -> anna.startSearch(987_654, "\"Kim Andersson\"", List.of("web")));
        assertEquals(AuditAction.SEARCH_REFUSED, last().action());
        refused(Rule.R1, () -> anna.justify(Optional.of(clientCase(anna, "north", true)), "north",
                ReasonCategory.OTHER, "   kort ", SearchMode.CLIENT));
    }

    @Test
    void R8_outreachSearchNeedsNoTransparencyNote() {
        Justification j = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                "Uppsökande kontakt i forum om självskada i Malmö.", SearchMode.OUTREACH);
        SearchRun run = fia.startSearch(j.id(), "självskada forum Malmö", List.of("forums"));
        assertTrue(run.id() > 0);
        assertEquals(Optional.empty(), last().caseId());
    }

    @Test
    void R2_underReviewBeforeTheSearchWaitsForApprovalByAnotherSupervisor() {
        long caseId = clientCase(bo, "south", true);
        Justification j = clientJustification(bo, caseId, "south");
        refused(Rule.R2, () -> bo.startSearch(j.id(), "\"Kim Andersson\"", List.of("web")));
        assertEquals(List.of(j.id()), sara.reviewQueue().stream().map(Justification::id).toList());
        refused(Rule.R2, () -> bo.review(j.id(), ReviewDecision.APPROVE, "ok"));
        sara.review(j.id(), ReviewDecision.APPROVE, "Rimligt.");
        assertEquals(List.of(), sara.reviewQueue());
        assertTrue(bo.startSearch(j.id(), "\"Kim Andersson\"", List.of("web")).id() > 0);
    }

    @Test
    void R2_nobodyReviewsTheirOwnJustification() {
        ws.accounts().create(new User("sam", "Sam", Set.of(Role.SUPERVISOR, Role.INVESTIGATOR), Set.of("north"), true),
                password("sam"));
        Session sam = signIn("sam").session();
        Justification j = clientJustification(sam, clientCase(sam, "north", true), "north");
        refused(Rule.R2, () -> sam.review(j.id(), ReviewDecision.APPROVE, "själv"));
        assertTrue(sam.reviews(j.id()).isEmpty());
    }

    @Test
    void R2_rejectionAfterTheSearchFlagsTheCaseAndStopsFurtherSearches() {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        assertFalse(anna.caseFile(caseId).flagged());
        sara.review(j.id(), ReviewDecision.REJECT, "Saknar koppling till ärendet.");
        assertTrue(anna.caseFile(caseId).flagged());
        refused(Rule.R2, () -> anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web")));
    }

    @Test
    void R9_workersAndSupervisorsSeeOnlyTheirUnitsCases() {
        long north = clientCase(anna, "north", false);
        long south = clientCase(bo, "south", false);
        assertEquals(List.of(north), anna.cases().stream().map(CaseFile::id).toList());
        assertEquals(List.of(north, south), sara.cases().stream().map(CaseFile::id).toList());
        outOfReach(() -> anna.caseFile(south));
        refused(Rule.R9, () -> ws.session().caseFile(north));
        refused(Rule.R9, () -> anna.openCase("south", "Fel enhet"));
    }

    // ---- the audit chain (R16) ----------------------------------------------------------------------------

    @Test
    void R16_everyActionAndItsEntryCommitTogether() {
        long caseId = clientCase(anna, "north", true);
        int before = trail().size();
        assertThrows(InsynException.class, () -> anna.saveNote(new Note(0, caseId, "anna", " ", RecordClass.CLIENT_FILE,
                List.of(), List.of(), Instant.now(), Instant.now())));
        assertThrows(InsynException.class, () -> anna.justify(Optional.of(caseId), "south", ReasonCategory.OTHER, TEXT,
                SearchMode.CLIENT));
        assertEquals(before + 1, trail().size(), "a refused action leaves only the line that it was refused");
        assertEquals(AuditAction.ACCESS_REFUSED, last().action());
        assertEquals("R9 policy.notInUnit", last().detail());
        assertTrue(anna.justifications(Optional.of(caseId)).isEmpty());
        before = trail().size();
        Note n = note(anna, caseId, "Första anteckningen");
        assertEquals(before + 1, trail().size());
        assertEquals("note:" + n.id(), last().target());
        assertEquals(new ChainHead(last().seq(), last().hash()), ws.audit().head());
        VerifyReport r = ws.verify();
        assertTrue(r.clean(), r.problems()::toString);
        assertEquals(trail().size(), r.entriesChecked());
    }

    /** Makes a trail of ten case entries after the set-up ones and returns the sequence number of the first. */
    long tenEntries() {
        long caseId = clientCase(anna, "north", true);
        for (int i = 0; i < 7; i++) {
            note(anna, caseId, "Anteckning " + i);
        }
        assertTrue(ws.verify().clean());
        return trail().get(trail().size() - 10).seq();
    }

    static void assertFinding(VerifyReport r, Kind kind, String where) {
        assertFalse(r.clean());
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == kind && p.where().equals(where)),
                () -> "expected " + kind + " at " + where + " in " + r.problems());
    }

    @Test
    void R16_aChangedEntryIsReportedWithItsPosition() throws Exception {
        long first = tenEntries();
        sql("UPDATE audit SET detail = 'nothing happened' WHERE seq = ?", first + 4);
        VerifyReport r = ws.verify();
        assertFinding(r, Kind.ENTRY_CHANGED, "audit #" + (first + 4));
        assertEquals(1, r.problems().size(), r.problems()::toString);
    }

    @Test
    void R16_aRemovedEntryIsReportedWithItsPosition() throws Exception {
        long first = tenEntries();
        sql("DELETE FROM audit WHERE seq = ?", first + 3);
        assertFinding(ws.verify(), Kind.ENTRY_REMOVED, "audit #" + (first + 3));
    }

    @Test
    void R16_anInsertedEntryIsReportedWithItsPosition() throws Exception {
        long first = tenEntries();
        long at = first + 5;
        // make room and forge an entry that links correctly to its predecessor and hashes correctly
        sql("UPDATE audit SET seq = seq + 1000000 WHERE seq >= ?", at);
        sql("UPDATE audit SET seq = seq - 999999 WHERE seq >= 1000000");
        AuditEntry before = ws.audit().entries(Optional.empty(), at - 1, 1).get(0);
        Instant t = before.at();
        String hash = org.insyn.store.internal.AuditChain.hash(before.hash(), t, "anna", AuditAction.CASE_VIEWED,
                Optional.empty(), "case:1", "");
        sql("INSERT INTO audit (seq, at_ms, actor_id, action, case_id, target, detail, previous_hash, hash)"
                + " VALUES (?, ?, 'anna', 'CASE_VIEWED', NULL, 'case:1', '', ?, ?)", at, t.toEpochMilli(), before.hash(), hash);
        VerifyReport r = ws.verify();
        assertFinding(r, Kind.ENTRY_INSERTED, "audit #" + at);
    }

    @Test
    void R16_reorderedEntriesAreReportedWithTheirPosition() throws Exception {
        long first = tenEntries();
        long a = first + 2;
        sql("UPDATE audit SET seq = -1 WHERE seq = ?", a);
        sql("UPDATE audit SET seq = ? WHERE seq = ?", a, a + 1);
        sql("UPDATE audit SET seq = ? WHERE seq = -1", a + 1);
        VerifyReport r = ws.verify();
        assertFinding(r, Kind.ENTRIES_REORDERED, "audit #" + a);
        assertEquals(1, r.problems().size(), r.problems()::toString);
    }

    @Test
    void R16_cuttingTheEndIsCaughtByTheExportedHead() throws Exception {
        tenEntries();
        ChainHead exported = ws.audit().head();
        assertTrue(ws.audit().verify(Optional.of(exported)).clean());
        sql("DELETE FROM audit WHERE seq >= ?", exported.seq() - 1);
        assertFinding(ws.verify(), Kind.ENTRY_REMOVED, "audit #" + (exported.seq() - 1) + "-" + exported.seq());
        // the head row is in the database too: someone who also rewinds it is still caught by the exported head
        AuditEntry now = last();
        sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", now.seq(), now.hash());
        assertTrue(ws.verify().clean());
        assertFinding(ws.audit().verify(Optional.of(exported)), Kind.HEAD_MISSING, "audit #" + exported.seq());
    }

    @Test
    void R16_sessionsWritingAtOnceNeverForkTheChain() throws Exception {
        long caseId = clientCase(anna, "north", true);
        List<Session> sessions = List.of(anna, signIn("anna").session(), signIn("anna").session(), signIn("anna").session());
        int before = trail().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Session s = sessions.get(t);
                int thread = t;
                done.add(pool.submit((Callable<Object>) () -> {
                    for (int i = 0; i < 15; i++) {
                        note(s, caseId, "tråd " + thread + " nr " + i);
                    }
                    return null;
                }));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<AuditEntry> all = trail();
        assertEquals(before + 60, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).seq() + 1, all.get(i).seq());
            assertEquals(all.get(i - 1).hash(), all.get(i).previousHash());
        }
        assertTrue(ws.verify().clean(), ws.verify().problems()::toString);
    }

    // ---- deletion that leaves only a line (R3, R10, R14) ------------------------------------------------------

    @Test
    void R3_anIrrelevantHitIsDeletedAndOnlyAContentFreeLineStays() {
        long caseId = clientCase(anna, "north", true);
        SearchRun run = anna.startSearch(clientJustification(anna, caseId, "north").id(), "\"Kim Andersson\"", List.of("web"));
        List<StoreEvent> events = new ArrayList<>();
        annaWs.addListener(events::add);
        List<Hit> hits = anna.addHits(run.id(), List.of(
                new Session.HitDraft("web", "http://127.0.0.1/a", "Kim Andersson säljer bil", "Snippet A", Optional.empty(), Optional.empty()),
                new Session.HitDraft("web", "http://127.0.0.1/b", "Annan Kim", "Snippet B", Optional.empty(), Optional.empty()),
                new Session.HitDraft("web", "http://127.0.0.1/a", "dubblett", "", Optional.empty(), Optional.empty())));
        assertEquals(2, hits.size(), "the same URL is stored once per run");
        anna.triage(hits.get(0).id(), Relevance.RELEVANT);
        anna.triage(hits.get(1).id(), Relevance.IRRELEVANT);
        assertEquals(List.of(hits.get(0).id()), anna.hits(run.id()).stream().map(Hit::id).toList());
        assertTrue(anna.hits(run.id()).get(0).isFinding());
        assertEquals(List.of(hits.get(0).id()), anna.findings(caseId).stream().map(Hit::id).toList(), "the relevant hit is the case's finding");
        AuditEntry line = last();
        assertEquals(AuditAction.HIT_DISCARDED, line.action());
        assertEquals("hit:" + hits.get(1).id(), line.target());
        for (AuditEntry e : trail()) {
            assertFalse(e.detail().contains("Annan Kim") || e.detail().contains("/b") || e.detail().contains("Snippet B"), e::toString);
        }
        assertTrue(events.contains(new StoreEvent(StoreEvent.Type.HIT, hits.get(1).id(), Optional.of(caseId), true)), events::toString);
        assertTrue(ws.verify().clean());
    }

    @Test
    void R10_deletingANoteOrCaptureLeavesAContentFreeLineAndTheBlobsGo() {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        Note n = note(anna, caseId, "Hemlig anteckning om Kim");
        Capture c = capture(anna, caseId, j.id(), "sida", RecordClass.MINOR_IMPORTANCE);
        String png = c.artifacts().get("screenshot.png");
        assertEquals(List.of(c.id()), anna.captures(caseId).stream().map(Capture::id).toList());
        anna.delete(StoreEvent.Type.NOTE, n.id(), "Gallring enligt plan");
        anna.delete(StoreEvent.Type.CAPTURE, c.id(), "Inte längre behövd");
        assertTrue(anna.notes(caseId).isEmpty());
        assertTrue(anna.captures(caseId).isEmpty());
        assertFalse(ws.blobs().exists(png));
        AuditEntry line = last();
        assertEquals(AuditAction.DELETED, line.action());
        assertEquals("capture:" + c.id(), line.target());
        assertTrue(trail().stream().noneMatch(e -> e.detail().contains("Hemlig")));
        assertTrue(ws.verify().clean());
    }

    @Test
    void R16_anExportIsOnTheTrailWithTheHashOfWhatWasWritten() {
        long caseId = clientCase(anna, "north", true);
        String sha = "ab".repeat(32);
        anna.recordExport(Optional.of(caseId), "evidence-report", sha);
        AuditEntry entry = last();
        assertEquals(AuditAction.EXPORTED, entry.action());
        assertEquals(Optional.of(caseId), entry.caseId());
        assertEquals("export:evidence-report", entry.target());
        assertEquals("sha256=" + sha, entry.detail());
        sara.recordExport(Optional.empty(), "statistics", sha);
        assertEquals(Optional.empty(), last().caseId());
        outOfReach(() -> bo.recordExport(Optional.of(caseId), "evidence-report", sha));
        assertTrue(ws.verify().clean());
    }

    @Test
    void R13_searchFactsGiveEachSearchOfTheSupervisorsUnitsItsOutcome() {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        SearchRun findings = search(anna, j, Relevance.RELEVANT, Relevance.IRRELEVANT);
        // every hit sorted away and deleted (R3): the search still found something
        SearchRun nothingRelevant = search(anna, j, Relevance.IRRELEVANT);
        SearchRun untriaged = search(anna, j, Relevance.UNREVIEWED, Relevance.IRRELEVANT);
        SearchRun noHits = search(anna, j);
        Justification outreach = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT, TEXT, SearchMode.OUTREACH);
        SearchRun outreachRun = search(fia, outreach);
        long southCase = clientCase(bo, "south", true);
        Justification awaiting = clientJustification(bo, southCase, "south");
        refused(Rule.R2, () -> bo.startSearch(awaiting.id(), "\"Kim Andersson\"", List.of("web")));
        AuditEntry refusal = last();

        ZoneId zone = ZoneId.of("Europe/Stockholm");
        List<SearchFact> north = List.of(
                fact("north", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.FINDINGS, findings, zone, "case:" + caseId),
                fact("north", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.NOTHING_RELEVANT, nothingRelevant, zone, "case:" + caseId),
                fact("north", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.UNTRIAGED, untriaged, zone, "case:" + caseId),
                fact("north", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.NO_HITS, noHits, zone, "case:" + caseId),
                fact("north", ReasonCategory.OUTREACH_CONTACT, SearchOutcome.NO_HITS, outreachRun, zone, "justification:" + outreach.id()));
        SearchFact south = new SearchFact("south", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.REFUSED,
                YearMonth.from(refusal.at().atZone(zone)), "case:" + southCase);
        List<SearchFact> all = new ArrayList<>(north);
        all.add(south);
        assertEquals(sorted(all), sorted(sara.searchFacts(zone)));

        account("sven", Role.SUPERVISOR, "south");
        assertEquals(List.of(south), signIn("sven").session().searchFacts(zone), "a supervisor sees the searches of their own units only");
        refused(Rule.R13, () -> anna.searchFacts(zone));
        refused(Rule.R13, () -> ws.session().searchFacts(zone));
    }

    /** A finished search whose hits are triaged as given, one hit per relevance. */
    SearchRun search(Session s, Justification j, Relevance... triage) {
        SearchRun run = s.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        List<Session.HitDraft> drafts = new ArrayList<>();
        for (int i = 0; i < triage.length; i++) {
            drafts.add(new Session.HitDraft("web", "http://127.0.0.1/" + run.id() + "/" + i, "t", "s", Optional.empty(), Optional.empty()));
        }
        List<Hit> hits = s.addHits(run.id(), drafts);
        for (int i = 0; i < triage.length; i++) {
            if (triage[i] != Relevance.UNREVIEWED) {
                s.triage(hits.get(i).id(), triage[i]);
            }
        }
        return s.finishSearch(run.id());
    }

    static SearchFact fact(String unit, ReasonCategory reason, SearchOutcome outcome, SearchRun run, ZoneId zone, String caseKey) {
        return new SearchFact(unit, reason, outcome, YearMonth.from(run.started().atZone(zone)), caseKey);
    }

    static List<String> sorted(List<SearchFact> facts) {
        return facts.stream().map(SearchFact::toString).sorted().toList();
    }

    @Test
    void R14_subjectAccessListsEverythingHeld() throws Exception {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        SearchRun run = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        anna.addHits(run.id(), List.of(new Session.HitDraft("web", "http://127.0.0.1/x", "Kim på forum", "s",
                Optional.empty(), Optional.of("kim77"))));
        note(anna, caseId, "Anteckning om Kim");
        capture(anna, caseId, j.id(), "kim", RecordClass.CLIENT_FILE);
        Subject s = anna.subject(caseId).orElseThrow();
        SubjectAccess held = anna.subjectAccess(s.id());
        assertEquals(s, held.subject());
        assertEquals(List.of("Lo Andersson"), held.subject().relatives());
        assertEquals(caseId, held.caseFile().id());
        assertEquals(1, held.transparencyNotes().size());
        assertEquals(List.of(j), held.justifications());
        assertEquals(List.of(run.id()), held.searches().stream().map(SearchRun::id).toList());
        assertEquals(Optional.of("kim77"), held.hits().getFirst().author());
        assertEquals("Anteckning om Kim", held.notes().getFirst().text());
        assertEquals("http://127.0.0.1/kim", held.captures().getFirst().url());
        assertEquals(AuditAction.SUBJECT_ACCESS, last().action());
        assertEquals(last(), held.audit().getLast(), "the access itself is on the list");
        assertEquals(ws.audit().entries(Optional.of(caseId), 0, 1000), held.audit());
        assertEquals("anna", held.generatedBy());
        outOfReach(() -> bo.subjectAccess(s.id()));
    }

    @Test
    void R14_erasureRemovesEverythingButTheLineAndTheChainStillVerifies() {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        SearchRun run = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        anna.addHits(run.id(), List.of(new Session.HitDraft("web", "http://127.0.0.1/x", "t", "s", Optional.empty(), Optional.empty())));
        note(anna, caseId, "Anteckning om Kim");
        Capture c = capture(anna, caseId, j.id(), "kim", RecordClass.CLIENT_FILE);
        Subject s = anna.subject(caseId).orElseThrow();
        assertTrue(anna.erase(s.id(), "Begäran om radering enligt GDPR art. 17").complete());
        AuditEntry line = last();
        assertEquals(AuditAction.ERASED, line.action());
        assertFalse(line.detail().contains("Kim"), line.detail());
        assertThrows(InsynException.class, () -> anna.caseFile(caseId));
        assertFalse(ws.blobs().exists(c.manifestSha256()));
        assertTrue(ws.audit().entries(Optional.of(caseId), 0, 1000).size() > 5, "the trail of the case stays");
        VerifyReport r = ws.verify();
        assertTrue(r.clean(), r.problems()::toString);
    }

    @Test
    void R14_aRegisteredRecordIsNotErasedAndTheWorkerIsToldWhy() {
        long caseId = clientCase(anna, "north", true);
        Note registered = anna.saveNote(new Note(0, caseId, "anna", "Diarieförd", RecordClass.REGISTERED, List.of(), List.of(),
                Instant.now(), Instant.now()));
        long subjectId = anna.subject(caseId).orElseThrow().id();
        Erasure erasure = anna.erase(subjectId, "Begäran");
        assertFalse(erasure.complete());
        Erasure.Item kept = erasure.kept().get(0);
        assertEquals(new Erasure.Item(StoreEvent.Type.NOTE, registered.id(), Optional.of(Erasure.Kept.REGISTERED)), kept);
        assertTrue(kept.kept().get().explain(Messages.SWEDISH).contains("diarieförd"), kept.kept().get().explain(Messages.SWEDISH));
        assertEquals(List.of(registered), anna.notes(caseId));
    }

    // ---- evidence (R17) --------------------------------------------------------------------------------------

    @Test
    void R17_verifyReportsAChangedOrMissingBlobOfACapture() throws Exception {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        Capture c1 = capture(anna, caseId, j.id(), "ett", RecordClass.CLIENT_FILE);
        Capture c2 = capture(anna, caseId, j.id(), "två", RecordClass.CLIENT_FILE);
        VerifyReport clean = ws.verify();
        assertTrue(clean.clean());
        assertEquals(4, clean.blobsChecked());
        damageBlob(c1.manifestSha256());
        removeBlob(c2.artifacts().get("screenshot.png"));
        VerifyReport r = ws.verify();
        assertFinding(r, Kind.BLOB_CHANGED, "blob " + c1.manifestSha256());
        assertFinding(r, Kind.BLOB_MISSING, "blob " + c2.artifacts().get("screenshot.png"));
    }

    /** Changes one byte of a stored blob, as someone with access to the disk could. */
    void damageBlob(String sha256) throws Exception {
        Path f = dir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
        byte[] b = java.nio.file.Files.readAllBytes(f);
        b[b.length - 20] ^= 1;
        java.nio.file.Files.write(f, b);
    }

    /** Removes a stored blob behind the store's back. */
    void removeBlob(String sha256) throws Exception {
        ws.blobs().delete(sha256);
    }

    @Test
    void networkRequestsAreLoggedNewestFirst() {
        for (int i = 0; i < 3; i++) {
            annaWs.networkLog().record(new org.insyn.core.model.NetworkRequest(0, Instant.now(), "anna", "search", "GET",
                    "http://127.0.0.1/" + i, 200, 10, 5, "ok", Optional.empty()));
        }
        assertEquals(List.of("http://127.0.0.1/2", "http://127.0.0.1/1"),
                annaWs.networkLog().recent(2).stream().map(org.insyn.core.model.NetworkRequest::url).toList());
        assertEquals(3, ws.networkLog().recent(10).size(), "an administrator reviews everyone's requests (R15)");
        assertEquals(3, signIn("sara").networkLog().recent(10).size(),
                "a supervisor those of the people of their units");
        assertEquals(List.of(), signIn("bo").networkLog().recent(10), "a worker sees only their own");
        failsWith(InsynException.Kind.INVALID, () -> annaWs.networkLog().record(new org.insyn.core.model.NetworkRequest(0,
                Instant.now(), "bo", "search", "GET", "http://127.0.0.1/x", 200, 10, 5, "ok", Optional.empty())));
    }
}
