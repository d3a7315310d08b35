package org.insyn.store.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.LegalHold;
import org.insyn.core.model.Note;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.RetentionRule;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.service.Erasure;
import org.insyn.core.service.Erasure.Item;
import org.insyn.core.service.Erasure.Kept;
import org.insyn.core.service.Retention;
import org.insyn.core.service.Retention.Due;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults.Found;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent.Type;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R10, R14: the retention schedule, legal holds, weeding and erasure on request, against the real blob files and the
 * real search index (found as a DS service, as in the product); run on the encrypted H2 file and on PostgreSQL.
 */
abstract class RetentionContract extends StoreFixture {
    static final String WEEDED = "Skulder hos Kronofogden enligt grannen";
    static final String KEPT = "Beslutet om bistånd dokumenteras i personakten";
    static final RecordClass MINOR = RecordClass.MINOR_IMPORTANCE;

    private SearchIndex index;

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    /** The workspace's real encrypted index, following the store from now on. */
    SearchIndex index() {
        if (index == null) {
            // anna's: the index follows the changes of the workspace it was opened on
            index = service(SearchIndexProvider.class).open(config, annaWs, (done, total) -> { });
        }
        return index;
    }

    List<Long> found(String words) {
        return index().search(SearchQuery.of(words)).found().stream().map(Found::id).toList();
    }

    /** Whether the blob's bytes are still kept anywhere (file or row). */
    boolean blobStored(String sha256) throws Exception {
        return Files.exists(blobFile(sha256));
    }

    Path blobFile(String sha256) {
        return dir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Closes the case (if open) and dates its closing back. Returns when it was closed. */
    Instant closedDaysAgo(Session s, long caseId, int days) throws Exception {
        if (s.caseFile(caseId).isOpen()) {
            s.closeCase(caseId);
        }
        Instant closed = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        sql("UPDATE case_file SET closed = ? WHERE id = ?", closed.toEpochMilli(), caseId);
        return closed;
    }

    static Session.HitDraft hit(String path, String title, String snippet) {
        return new Session.HitDraft("web", "http://127.0.0.1/" + path, title, snippet, Optional.empty(), Optional.empty());
    }

    Note classed(Session s, long caseId, String text, RecordClass recordClass, List<Long> hitIds) {
        return s.saveNote(new Note(0, caseId, s.user().id(), text, recordClass, hitIds, List.of(), Instant.now(), Instant.now()));
    }

    static List<Long> ids(List<?> items) {
        return items.stream().map(i -> i instanceof Note n ? n.id() : i instanceof Capture c ? c.id() : ((Hit) i).id()).toList();
    }

    /** Every entry of the trail is free of the given texts (R10, R16: content-free lines only). */
    void trailHoldsNone(String... texts) {
        for (AuditEntry e : trail()) {
            for (String t : texts) {
                assertFalse(e.detail().contains(t) || e.target().contains(t), () -> t + " in " + e);
            }
        }
    }

    // ---- the schedule --------------------------------------------------------------------------------------

    @Test
    void R10_theScheduleIsPerUnitAndClassSetBySupervisorsAndAudited() {
        List<RetentionRule> schedule = anna.retention().schedule();
        assertEquals(List.of(RecordClass.values()), schedule.stream().map(RetentionRule::recordClass).toList());
        assertTrue(schedule.stream().allMatch(r -> r.unitId().equals("north") && !r.weeds()), schedule::toString);

        refused(Rule.R10, () -> anna.retention().setRule("north", MINOR, Optional.of(30)));
        InsynException never = refused(Rule.R10, () -> sara.retention().setRule("north", RecordClass.REGISTERED, Optional.of(30)));
        assertTrue(never.message(Locale.ENGLISH).contains("never weeded"), never::getMessage);
        assertTrue(never.message(Messages.SWEDISH).contains("gallras aldrig"), () -> never.message(Messages.SWEDISH));
        refused(Rule.R10, () -> sara.retention().setRule("north", RecordClass.CLIENT_FILE, Optional.of(30)));
        assertEquals(InsynException.Kind.INVALID,
                assertThrows(InsynException.class, () -> sara.retention().setRule("north", MINOR, Optional.of(-1))).kind());

        sara.retention().setRule("north", MINOR, Optional.of(30));
        AuditEntry line = last();
        assertEquals(AuditAction.RETENTION_RULE_SAVED, line.action());
        assertEquals("sara", line.actorId());
        assertEquals("unit:north", line.target());
        assertTrue(line.detail().contains("30 days"), line.detail());
        RetentionRule minor = anna.retention().schedule().stream().filter(r -> r.recordClass() == MINOR).findFirst().orElseThrow();
        assertEquals(Optional.of(30), minor.daysAfterClosing());
        assertEquals(Optional.of("sara"), minor.changedBy());

        // an administrator manages every unit's schedule, and sees all of it
        ws.session().retention().setRule("south", MINOR, Optional.of(90));
        assertEquals(6, ws.session().retention().schedule().size());
        sara.retention().setRule("north", MINOR, Optional.empty());
        assertTrue(anna.retention().schedule().stream().noneMatch(RetentionRule::weeds));
        assertTrue(ws.verify().clean());
    }

    // ---- weeding -------------------------------------------------------------------------------------------

    @Test
    void R13_aSearchKeepsItsOutcomeInTheStatisticsWhenItsHitsAreWeeded() throws Exception {
        sara.retention().setRule("north", MINOR, Optional.of(30));
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        SearchRun findings = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        List<Hit> hits = anna.addHits(findings.id(), List.of(hit("annons", "Kim säljer", "Annons"), hit("forum", "Kim på forum", "Inlägg")));
        anna.triage(hits.get(0).id(), Relevance.RELEVANT);
        anna.triage(hits.get(1).id(), Relevance.IRRELEVANT);
        anna.finishSearch(findings.id());
        SearchRun untriaged = anna.startSearch(j.id(), "\"Kim Andersson\" Malmö", List.of("web"));
        anna.addHits(untriaged.id(), List.of(hit("blogg", "Kims blogg", "Inlägg")));
        anna.finishSearch(untriaged.id());
        closedDaysAgo(anna, caseId, 31);
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        assertEquals(List.of(SearchOutcome.FINDINGS, SearchOutcome.UNTRIAGED), outcomes(sara.searchFacts(zone)));

        anna.retention().weed(Retention.Progress.NONE);
        assertEquals(List.of(), anna.hits(findings.id()), "the hits are weeded");
        assertEquals(List.of(), anna.hits(untriaged.id()));
        assertEquals(List.of(SearchOutcome.FINDINGS, SearchOutcome.UNTRIAGED), outcomes(sara.searchFacts(zone)),
                "what a search came to stays in the statistics of its month");
    }

    static List<SearchOutcome> outcomes(List<SearchFact> facts) {
        return facts.stream().map(SearchFact::outcome).toList();
    }

    @Test
    void R10_weedingRemovesDueMaterialFromRowsBlobFilesIndexAndExportsAndVerifyStillPasses() throws Exception {
        sara.retention().setRule("north", MINOR, Optional.of(30));
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        SearchRun run = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        List<Hit> hits = anna.addHits(run.id(), List.of(hit("soffa", "Kim säljer soffan", "Blocketannons om en soffa"),
                hit("forum", "Kim på forumet", "Inlägg om grannar")));
        Note weeded = classed(anna, caseId, WEEDED, MINOR, List.of());
        Note kept = classed(anna, caseId, KEPT, RecordClass.CLIENT_FILE, List.of(hits.get(1).id()));
        Capture alone = capture(anna, caseId, j.id(), "ensam", MINOR);
        Capture shared = capture(anna, caseId, j.id(), "delad", MINOR);
        Capture sharing = capture(anna, caseId, j.id(), "delad", RecordClass.CLIENT_FILE);
        Capture registered = capture(anna, caseId, j.id(), "diarium", RecordClass.REGISTERED);
        // where the workbench writes a case's letter and evidence report (org.insyn.ui Exports), and another case's
        Path export = config.exports().resolve("letter-case-" + caseId + "-20261204-101010.pdf");
        Path report = config.exports().resolve("evidence-case-" + caseId + "-20261204-101011.pdf");
        Path otherCase = config.exports().resolve("letter-case-" + (caseId + 1000) + "-20261204-101010.pdf");
        Files.createDirectories(export.getParent());
        for (Path f : List.of(export, report, otherCase)) {
            Files.writeString(f, WEEDED, StandardCharsets.UTF_8);
        }
        assertEquals(List.of(weeded.id()), found("Kronofogden"));
        assertEquals(List.of(hits.get(0).id()), found("Blocketannons"));
        Instant closed = closedDaysAgo(anna, caseId, 31);

        // not due: closed too recently, still open, on hold, or in a unit without a rule
        long recent = clientCase(anna, "north", true);
        Note recentNote = note(anna, recent, "Nyss avslutat");
        closedDaysAgo(anna, recent, 29);
        long open = clientCase(anna, "north", true);
        Note openNote = note(anna, open, "Pågående");
        long held = clientCase(anna, "north", true);
        Note heldNote = note(anna, held, "Under bevarandeplikt");
        closedDaysAgo(anna, held, 400);
        anna.retention().placeHold(held, "Överklagat till förvaltningsrätten");
        long south = clientCase(bo, "south", true);
        Note southNote = note(bo, south, "Syd har ingen gallringsfrist");
        closedDaysAgo(bo, south, 400);

        Retention.Plan plan = anna.retention().preview();
        assertEquals(List.of(new Due(Optional.of(caseId), "north", Optional.of(closed), 30, 1, 2, 1)), plan.due());
        assertEquals(List.of("south"), plan.unitsWithoutRule());
        List<long[]> progress = new ArrayList<>();
        Retention.Result result = anna.retention().weed((done, total) -> progress.add(new long[] { done, total }));
        assertEquals(new Retention.Result(1, 2, 1, 1, false), result);
        assertEquals(4, progress.get(progress.size() - 1)[0]);
        assertEquals(4, progress.get(progress.size() - 1)[1]);

        // the rows
        assertEquals(List.of(kept.id()), ids(anna.notes(caseId)));
        assertEquals(List.of(sharing.id(), registered.id()), ids(anna.captures(caseId)));
        assertEquals(List.of(hits.get(1).id()), ids(anna.hits(run.id())), "a hit a kept note refers to stays");
        // the blob files: gone unless a kept capture has the same content
        for (String sha : List.of(alone.manifestSha256(), alone.artifacts().get("screenshot.png"))) {
            assertFalse(blobStored(sha), sha);
        }
        assertTrue(ws.blobs().exists(shared.manifestSha256()));
        assertTrue(ws.blobs().exists(registered.manifestSha256()));
        // R10: the case's documents in the workspace's exports folder, not another case's
        assertFalse(Files.exists(export));
        assertFalse(Files.exists(report));
        assertTrue(Files.exists(otherCase));
        // the index
        assertEquals(List.of(), found("Kronofogden"));
        assertEquals(List.of(), found("Blocketannons"));
        assertEquals(List.of(kept.id()), found("personakten"));
        // what was not due is all there
        assertEquals(List.of(recentNote.id()), ids(anna.notes(recent)));
        assertEquals(List.of(openNote.id()), ids(anna.notes(open)));
        assertEquals(List.of(heldNote.id()), ids(anna.notes(held)));
        assertEquals(List.of(southNote.id()), ids(bo.notes(south)));
        // the trail: which ids went by which rule, never what they held
        List<AuditEntry> weeding = trail().stream().filter(e -> e.action() == AuditAction.WEEDED).toList();
        assertEquals(List.of("case:" + caseId, "weeding"), weeding.stream().map(AuditEntry::target).toList());
        assertTrue(weeding.get(0).detail().contains("notes 1 [" + weeded.id() + "]"), weeding.get(0).detail());
        assertEquals("anna", weeding.get(0).actorId());
        trailHoldsNone("Kronofogden", "soffa", "Blocket", "ensam", "delad");
        VerifyReport r = ws.verify();
        assertTrue(r.clean(), r.problems()::toString);
        assertEquals(0, anna.retention().preview().total(), "nothing is due twice");
    }

    @Test
    void R8_R10_outreachHitsAreWeededTheUnitsPeriodAfterTheSearch() throws Exception {
        sara.retention().setRule("north", MINOR, Optional.of(30));
        Justification j = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                "Uppsökande kontakt i forum om självskada i Malmö.", SearchMode.OUTREACH);
        SearchRun old = fia.startSearch(j.id(), "självskada forum Malmö", List.of("forums"));
        fia.addHits(old.id(), List.of(hit("t/1", "Tråd om att må dåligt", "Någon skriver om självskada"),
                hit("t/2", "Stödtråd", "Tips om stöd")));
        SearchRun fresh = fia.startSearch(j.id(), "självskada forum Malmö", List.of("forums"));
        List<Hit> freshHits = fia.addHits(fresh.id(), List.of(hit("t/3", "Ny tråd", "Idag")));
        sql("UPDATE search_run SET started = ? WHERE id = ?", Instant.now().minus(31, ChronoUnit.DAYS).toEpochMilli(), old.id());

        assertEquals(List.of(new Due(Optional.empty(), "north", Optional.empty(), 30, 0, 0, 2)), fia.retention().preview().due());
        assertEquals(new Retention.Result(0, 0, 2, 0, false), fia.retention().weed(Retention.Progress.NONE));
        assertEquals(List.of(), fia.hits(old.id()));
        assertEquals(ids(freshHits), ids(fia.hits(fresh.id())));
        assertTrue(trail().stream().anyMatch(e -> e.action() == AuditAction.WEEDED && e.target().equals("unit:north")));
        trailHoldsNone("må dåligt", "t/1");
        assertTrue(ws.verify().clean());
    }

    @Test
    void R10_aCancelledRunStopsBetweenTransactionsAndTheNextRunGoesOn() throws Exception {
        sara.retention().setRule("north", MINOR, Optional.of(0));
        long caseId = clientCase(anna, "north", true);
        for (int i = 0; i < 900; i++) {
            note(anna, caseId, "Anteckning " + i);
        }
        closedDaysAgo(anna, caseId, 0);
        Retention.Result first = anna.retention().weed(new Retention.Progress() {
            long done;

            @Override
            public void worked(long d, long total) {
                done = d;
            }

            @Override
            public boolean cancelled() {
                return done > 0;
            }
        });
        assertTrue(first.cancelled());
        assertEquals(400, first.notes());
        assertEquals(500, anna.notes(caseId).size());
        assertTrue(ws.verify().clean());
        assertEquals(new Retention.Result(500, 0, 0, 1, false), anna.retention().weed(Retention.Progress.NONE));
        assertEquals(List.of(), anna.notes(caseId));
        List<AuditEntry> weeding = trail().stream().filter(e -> e.action() == AuditAction.WEEDED).toList();
        assertEquals(5, weeding.size(), "three transactions and two run summaries");
        assertTrue(weeding.get(1).detail().contains("cancelled"), weeding.get(1).detail());
        assertTrue(ws.verify().clean());
    }

    // ---- legal hold ----------------------------------------------------------------------------------------

    @Test
    void R10_aLegalHoldStopsWeedingDeletionAndErasureAndTheTrailSaysWhoWhenAndWhy() throws Exception {
        sara.retention().setRule("north", MINOR, Optional.of(0));
        long caseId = clientCase(anna, "north", true);
        Note n = note(anna, caseId, WEEDED);
        closedDaysAgo(anna, caseId, 1);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertTrue(anna.retention().placeHold(caseId, "Överklagat till förvaltningsrätten, mål 1234-26").legalHold());
        LegalHold hold = anna.retention().hold(caseId).orElseThrow();
        assertEquals("anna", hold.placedBy());
        assertEquals("Överklagat till förvaltningsrätten, mål 1234-26", hold.reason());
        assertFalse(hold.placedAt().isBefore(before));
        AuditEntry placed = last();
        assertEquals(AuditAction.LEGAL_HOLD_SET, placed.action());
        assertEquals("anna", placed.actorId());
        assertEquals(Optional.of(caseId), placed.caseId());
        assertTrue(placed.detail().contains("mål 1234-26"), placed.detail());

        assertEquals(0, anna.retention().preview().total());
        assertEquals(0, anna.retention().weed(Retention.Progress.NONE).total());
        refused(Rule.R14, () -> anna.delete(Type.NOTE, n.id(), "Behövs inte"));
        Erasure erasure = anna.erase(anna.subject(caseId).orElseThrow().id(), "Begäran om radering");
        assertFalse(erasure.items().isEmpty());
        assertTrue(erasure.items().stream().allMatch(i -> i.kept().equals(Optional.of(Kept.LEGAL_HOLD))), erasure::toString);
        assertTrue(Kept.LEGAL_HOLD.explain(Locale.ENGLISH).contains("legal hold"));
        assertTrue(Kept.LEGAL_HOLD.explain(Messages.SWEDISH).contains("bevarandeplikt"));
        assertEquals(List.of(n.id()), ids(anna.notes(caseId)));

        // lifting lets weeding go on, so only a supervisor of the unit may
        refused(Rule.R10, () -> anna.retention().liftHold(caseId, "Målet är avgjort"));
        assertEquals(InsynException.Kind.INVALID,
                assertThrows(InsynException.class, () -> anna.retention().placeHold(caseId, "igen")).kind());
        assertEquals(InsynException.Kind.INVALID,
                assertThrows(InsynException.class, () -> sara.retention().liftHold(caseId, " ")).kind());
        assertFalse(sara.retention().liftHold(caseId, "Målet är avgjort").legalHold());
        assertEquals(AuditAction.LEGAL_HOLD_RELEASED, last().action());
        assertEquals("sara", last().actorId());
        assertEquals(Optional.empty(), anna.retention().hold(caseId));
        assertEquals(1, anna.retention().weed(Retention.Progress.NONE).notes());
        assertTrue(ws.verify().clean());
    }

    // ---- erasure on request (R14) --------------------------------------------------------------------------

    @Test
    void R14_erasureErasesWhatMayGoAndSaysWhyTheRegisteredRecordStays() throws Exception {
        long caseId = clientCase(anna, "north", true);
        Justification j = clientJustification(anna, caseId, "north");
        Justification other = clientJustification(anna, caseId, "north");
        SearchRun run = anna.startSearch(j.id(), "\"Kim Andersson\"", List.of("web"));
        Hit h = anna.addHits(run.id(), List.of(hit("soffa", "Kim säljer soffan", "Blocketannons om en soffa"))).get(0);
        Note minor = classed(anna, caseId, WEEDED, MINOR, List.of());
        Note registered = classed(anna, caseId, "Diariefört beslut om bistånd", RecordClass.REGISTERED, List.of());
        Capture registeredCapture = capture(anna, caseId, j.id(), "diarium", RecordClass.REGISTERED);
        Capture clientFile = capture(anna, caseId, other.id(), "akt", RecordClass.CLIENT_FILE);
        long subjectId = anna.subject(caseId).orElseThrow().id();
        assertEquals(List.of(minor.id()), found("Kronofogden"));
        Path letter = config.exports().resolve("letter-case-" + caseId + "-20261204-101010.pdf");
        Files.createDirectories(letter.getParent());
        Files.writeString(letter, "Kim Andersson", StandardCharsets.UTF_8);

        Erasure erasure = anna.erase(subjectId, "Begäran om radering enligt art. 17");
        assertFalse(Files.exists(letter), "R14: the case's letter in the workspace's exports folder is erased too");
        assertFalse(erasure.complete());
        assertEquals(Set.of(new Item(Type.NOTE, registered.id(), Optional.of(Kept.REGISTERED)),
                new Item(Type.CAPTURE, registeredCapture.id(), Optional.of(Kept.REGISTERED)),
                new Item(Type.JUSTIFICATION, j.id(), Optional.of(Kept.WITH_REGISTERED_RECORD)),
                new Item(Type.SUBJECT, subjectId, Optional.of(Kept.WITH_REGISTERED_RECORD)),
                new Item(Type.CASE, caseId, Optional.of(Kept.WITH_REGISTERED_RECORD))), Set.copyOf(erasure.kept()));
        assertTrue(erasure.items().containsAll(List.of(new Item(Type.NOTE, minor.id(), Optional.empty()),
                new Item(Type.CAPTURE, clientFile.id(), Optional.empty()), new Item(Type.HIT, h.id(), Optional.empty()),
                new Item(Type.SEARCH_RUN, run.id(), Optional.empty()), new Item(Type.JUSTIFICATION, other.id(), Optional.empty()))),
                erasure::toString);
        // words a worker can pass on, from the seeds: public-records and archive law keep it
        assertTrue(Kept.REGISTERED.explain(Messages.SWEDISH).contains("arkivlagen, offentlighets- och sekretesslagen"));
        assertTrue(Kept.REGISTERED.explain(Locale.ENGLISH).contains("must be kept"));

        assertEquals(List.of(registered.id()), ids(anna.notes(caseId)));
        assertEquals(List.of(registeredCapture.id()), ids(anna.captures(caseId)));
        assertEquals(List.of(j.id()), anna.justifications(Optional.of(caseId)).stream().map(Justification::id).toList());
        assertFalse(blobStored(clientFile.manifestSha256()));
        assertTrue(ws.blobs().exists(registeredCapture.manifestSha256()));
        assertEquals(List.of(), found("Kronofogden"));
        assertEquals(List.of(), found("Blocketannons"));
        assertEquals(List.of(registered.id()), found("Diariefört"));
        AuditEntry line = last();
        assertEquals(AuditAction.ERASED, line.action());
        trailHoldsNone("Kronofogden", "Blocket");
        VerifyReport r = ws.verify();
        assertTrue(r.clean(), r.problems()::toString);
    }
}
