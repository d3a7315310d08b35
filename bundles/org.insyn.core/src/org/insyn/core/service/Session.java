package org.insyn.core.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.Subject;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.User;
import org.insyn.core.stats.SearchFact;

/**
 * One user's work in a workspace. Every call is checked against the policy (refusals are
 * {@link org.insyn.core.InsynException}s naming the rule) and every change is written together with its audit
 * entry in one transaction (R16).
 */
public interface Session {

    User user();

    // ---- cases -------------------------------------------------------------------------------------------

    CaseFile openCase(String unitId, String title);

    CaseFile closeCase(long caseId);

    /** The cases of the user's units. */
    List<CaseFile> cases();

    CaseFile caseFile(long caseId);

    /** Creates or replaces the case's subject (the client, with relatives' names). */
    Subject saveSubject(long caseId, String name, List<String> relatives, Optional<String> city, Optional<String> district);

    Optional<Subject> subject(long caseId);

    /** R4: records that the client was told that the service may search public internet sources about them. */
    TransparencyNote recordTransparencyNote(long caseId, LocalDate toldOn, NoticeChannel channel, String toldBy);

    Optional<TransparencyNote> transparencyNote(long caseId);

    // ---- justifications and reviews (R1, R2) --------------------------------------------------------------

    Justification justify(Optional<Long> caseId, String unitId, ReasonCategory reason, String text, SearchMode mode);

    Justification justification(long justificationId);

    List<Justification> justifications(Optional<Long> caseId);

    /**
     * R8: an outreach justification written without a case joins the outreach case (no client) that a finding of its
     * search is captured into, so that it is no longer listed as caseless; audited. Refused for any other.
     */
    Justification attachToCase(long justificationId, long caseId);

    Review review(long justificationId, ReviewDecision decision, String comment);

    List<Review> reviews(long justificationId);

    /** For a supervisor: the justifications of their units that no one has approved or rejected yet. */
    List<Justification> reviewQueue();

    // ---- searches and hits (R1, R3, R4, R8) ---------------------------------------------------------------

    /**
     * R1, R4, R8: checks, before the worker writes a justification, that this kind of search may be asked for in the
     * case (or without one); a refusal is put on the trail as a refused search and nothing else is stored.
     */
    void checkMaySearch(Optional<Long> caseId, SearchMode mode);

    /**
     * Checks the policy and writes the audit entry before any request leaves the machine; the caller sends
     * nothing unless this returns.
     */
    SearchRun startSearch(long justificationId, String query, List<String> sources);

    /** Stores the hits of a run as unreviewed, dropping those whose canonical URL the run already has. */
    List<Hit> addHits(long runId, List<HitDraft> hits);

    SearchRun finishSearch(long runId);

    List<Hit> hits(long runId);

    /** R3, R5: the findings of a case: the hits of its searches that were triaged relevant, oldest first. */
    List<Hit> findings(long caseId);

    /** R3: marks a hit relevant (a finding) or irrelevant; an irrelevant hit is deleted, only an audit line stays. */
    Hit triage(long hitId, Relevance relevance);

    /**
     * R13: for a supervisor, one fact per search under a justification of their units, refused searches included:
     * unit, reason, outcome and month (of the start, in {@code zone}), never content or a person. Read-only; refused
     * for anyone who is not a supervisor.
     */
    List<SearchFact> searchFacts(ZoneId zone);

    // ---- evidence and notes (R7, R10, R17) ----------------------------------------------------------------

    /**
     * R1, R2, R4: a capture fetches the page again, so it is held to the rules of a search: checks the policy for the
     * case's own justification and writes the audit entry (or, refused, the refusal) in one transaction, before the
     * browser starts; the caller fetches nothing unless this returns.
     */
    void startCapture(long caseId, long justificationId, java.net.URI url);

    /** Stores a capture's metadata; its artifacts must already be in the blob store. The id of the draft is ignored. */
    Capture saveCapture(Capture draft);

    List<Capture> captures(long caseId);

    /** Creates (id 0) or changes a note. */
    Note saveNote(Note draft);

    List<Note> notes(long caseId);

    /** Deletes a note or capture with the reason; the audit line says what kind of thing went, never what it said. */
    void delete(StoreEvent.Type type, long id, String reason);

    /**
     * R16: a document left the product: what it was (e.g. "evidence-report"), the case it came from if any, and the
     * SHA-256 of the bytes written, so that a copy found later can be matched to its entry.
     */
    void recordExport(Optional<Long> caseId, String what, String sha256);

    // ---- data subject rights (R14) ------------------------------------------------------------------------

    /**
     * R14: erases the subject and their case with everything in it (notes, captures and their blobs, searches, hits,
     * justifications), except what the law keeps: a registered record stays, and with it its case, the subject and the
     * justification it refers to; a case on legal hold keeps everything. The result says item by item what went and
     * why the rest stays. Only a content-free audit line is left of what went.
     */
    Erasure erase(long subjectId, String reason);

    // ---- retention and weeding (R10) ----------------------------------------------------------------------

    /** The retention schedule, legal holds and weeding, as this user. */
    Retention retention();

    /**
     * R14: everything held about the subject (case, transparency notes, justifications, reviews, searches, hits, notes,
     * captures, audit entries), read in one transaction and audited as a subject access.
     */
    SubjectAccess subjectAccess(long subjectId);

    /** A search result before it is stored. */
    record HitDraft(String source, String url, String title, String snippet, Optional<java.time.Instant> published,
            Optional<String> author) {
    }
}
