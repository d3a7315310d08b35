package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.Subject;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.policy.Policy;
import org.insyn.core.service.Erasure;
import org.insyn.core.service.Retention;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;

/**
 * One user's work: every guarded action is decided by the {@link Policy} inside the transaction that then does it
 * and writes its audit entry (R16), so no change lands without its entry and no entry without its change.
 */
final class StoreSession implements Session {
    private final StoreWorkspace ws;
    private final String userId;
    private final Policy policy = new Policy();
    /** The account as stored at the last call, checked against the audit trail (R16); read again by every call. */
    private volatile User user;

    StoreSession(StoreWorkspace ws, String userId) {
        this.ws = ws;
        this.userId = userId;
    }

    @Override
    public User user() {
        User known = user;
        return known != null ? known : read("user:" + userId, Optional.empty(), c -> user);
    }

    // ---- every call (R9, R16) --------------------------------------------------------------------------------

    /**
     * The account as it stands now, inside the call's own transaction: roles and units an administrator changed
     * count at once, a disabled account stops, and a row changed outside Insyn is refused.
     */
    private void current(Connection c) throws SQLException {
        User now = StoreWorkspace.user(c, userId).filter(User::enabled).orElseThrow(() -> StoreWorkspace.accountGone(userId));
        if (!now.equals(user)) {
            AccountChecks.requireAudited(c, now);
            user = now;
        }
    }

    /**
     * A call by the person: refused while the workspace is locked, and every refusal (a rule, or something not
     * there or not visible) is put on the trail with what was asked for (R16).
     */
    <T> T guard(String target, Optional<Long> caseId, Supplier<T> call) {
        ws.touch();
        try {
            return call.get();
        } catch (InsynException e) {
            if (e.kind() == InsynException.Kind.REFUSED || e.kind() == InsynException.Kind.NOT_FOUND) {
                audit(AuditAction.ACCESS_REFUSED, caseId, target, e);
            }
            throw e;
        }
    }

    private void audit(AuditAction action, Optional<Long> caseId, String target, InsynException refusal) {
        try {
            ws.write(tx -> tx.audit(userId, action, caseId, target, detail(refusal)));
        } catch (RuntimeException failed) {
            refusal.addSuppressed(failed);
        }
    }

    private static String detail(InsynException refusal) {
        return refusal.rule().map(r -> r.name() + " ").orElse("") + refusal.key();
    }

    /** A writing call: the account checked in its transaction, a refusal audited. */
    <T> T write(String target, Optional<Long> caseId, StoreWorkspace.Work<T> work) {
        return guard(target, caseId, () -> ws.write(tx -> {
            current(tx.c);
            return work.run(tx);
        }));
    }

    /** A reading call: the account checked on its connection, a refusal audited. */
    <T> T read(String target, Optional<Long> caseId, StoreWorkspace.Read<T> read) {
        return guard(target, caseId, () -> ws.read(c -> {
            current(c);
            return read.run(c);
        }));
    }

    private static Optional<Long> inCase(long caseId) {
        return Optional.of(caseId);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- cases -------------------------------------------------------------------------------------------

    @Override
    public CaseFile openCase(String unitId, String title) {
        if (title.isBlank()) {
            throw InsynException.invalid("store.blankTitle");
        }
        return write("unit:" + unitId, Optional.empty(), tx -> {
            unitOf(tx.c, unitId);
            CaseFile draft = new CaseFile(0, unitId, title, user.id(), now(), Optional.empty(), false, false);
            policy.checkCaseAccess(user, draft);
            long id = Db.insert(tx.c, "INSERT INTO case_file (unit_id, title, owner_id, opened, closed, legal_hold, flagged)"
                    + " VALUES (?, ?, ?, ?, NULL, FALSE, FALSE)", unitId, title, user.id(), draft.opened());
            tx.audit(user.id(), AuditAction.CASE_OPENED, Optional.of(id), "case:" + id, "unit=" + unitId);
            tx.changed(StoreEvent.Type.CASE, id, Optional.of(id), false);
            return new CaseFile(id, unitId, title, user.id(), draft.opened(), Optional.empty(), false, false);
        });
    }

    @Override
    public CaseFile closeCase(long caseId) {
        return write("case:" + caseId, inCase(caseId), tx -> {
            caseOf(tx.c, caseId);
            Db.update(tx.c, "UPDATE case_file SET closed = ? WHERE id = ? AND closed IS NULL", now(), caseId);
            tx.audit(user.id(), AuditAction.CASE_CLOSED, Optional.of(caseId), "case:" + caseId, "");
            tx.changed(StoreEvent.Type.CASE, caseId, Optional.of(caseId), false);
            return caseOf(tx.c, caseId);
        });
    }

    @Override
    public List<CaseFile> cases() {
        return read("cases", Optional.empty(), c -> Db.query(c, "SELECT * FROM case_file ORDER BY id", StoreSession::caseRow).stream()
                .filter(this::maySee).toList());
    }

    @Override
    public CaseFile caseFile(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> caseOf(c, caseId));
    }

    /** Supervisors and workers see only their units' cases; administrators none (R9). */
    private boolean maySee(CaseFile c) {
        try {
            policy.checkCaseAccess(user, c);
            return true;
        } catch (InsynException e) {
            return false;
        }
    }

    CaseFile caseOf(Connection c, long caseId) throws SQLException {
        CaseFile cf = Db.one(c, "SELECT * FROM case_file WHERE id = ?", StoreSession::caseRow, caseId)
                .orElseThrow(() -> InsynException.notFound("case", caseId));
        policy.checkCaseAccess(user, cf);
        return cf;
    }

    static CaseFile caseRow(ResultSet rs) throws SQLException {
        return new CaseFile(rs.getLong("id"), rs.getString("unit_id"), rs.getString("title"), rs.getString("owner_id"),
                Db.instant(rs, "opened"), Db.optInstant(rs, "closed"), rs.getBoolean("legal_hold"), rs.getBoolean("flagged"));
    }

    private static Unit unitOf(Connection c, String unitId) throws SQLException {
        return StoreWorkspace.unit(c, unitId).orElseThrow(() -> InsynException.notFound("unit", unitId));
    }

    @Override
    public Subject saveSubject(long caseId, String name, List<String> relatives, Optional<String> city,
            Optional<String> district) {
        if (name.isBlank()) {
            throw InsynException.invalid("store.blankName");
        }
        return write("case:" + caseId, inCase(caseId), tx -> {
            caseOf(tx.c, caseId);
            String rel = Json.write(relatives);
            long id;
            Optional<Long> existing = Db.one(tx.c, "SELECT id FROM subject WHERE case_id = ?", rs -> rs.getLong(1), caseId);
            if (existing.isPresent()) {
                id = existing.get();
                Db.update(tx.c, "UPDATE subject SET name = ?, relatives = ?, city = ?, district = ? WHERE id = ?", name, rel,
                        city, district, id);
            } else {
                id = Db.insert(tx.c, "INSERT INTO subject (case_id, name, relatives, city, district) VALUES (?, ?, ?, ?, ?)",
                        caseId, name, rel, city, district);
            }
            tx.audit(user.id(), AuditAction.SUBJECT_SAVED, Optional.of(caseId), "subject:" + id, "");
            tx.changed(StoreEvent.Type.SUBJECT, id, Optional.of(caseId), false);
            return new Subject(id, caseId, name, relatives, city, district);
        });
    }

    @Override
    public Optional<Subject> subject(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> {
            caseOf(c, caseId);
            return Db.one(c, "SELECT * FROM subject WHERE case_id = ?", StoreSession::subjectRow, caseId);
        });
    }

    static Subject subjectRow(ResultSet rs) throws SQLException {
        return new Subject(rs.getLong("id"), rs.getLong("case_id"), rs.getString("name"), Json.strings(rs.getString("relatives")),
                Optional.ofNullable(rs.getString("city")), Optional.ofNullable(rs.getString("district")));
    }

    @Override
    public TransparencyNote recordTransparencyNote(long caseId, LocalDate toldOn, NoticeChannel channel, String toldBy) {
        if (toldBy.isBlank()) {
            throw InsynException.invalid("store.blankToldBy");
        }
        if (toldOn.isAfter(LocalDate.now().plusDays(1))) {
            throw InsynException.invalid("store.futureDate", toldOn);
        }
        return write("case:" + caseId, inCase(caseId), tx -> {
            caseOf(tx.c, caseId);
            Instant at = now();
            long id = Db.insert(tx.c, "INSERT INTO transparency_note (case_id, told_on, channel, told_by, recorded_by, recorded)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", caseId, toldOn.toString(), channel, toldBy, user.id(), at);
            tx.audit(user.id(), AuditAction.TRANSPARENCY_NOTE_RECORDED, Optional.of(caseId), "transparency-note:" + id,
                    "told " + toldOn + " by " + channel.name().toLowerCase());
            tx.changed(StoreEvent.Type.CASE, caseId, Optional.of(caseId), false);
            return new TransparencyNote(id, caseId, toldOn, channel, toldBy, user.id(), at);
        });
    }

    @Override
    public Optional<TransparencyNote> transparencyNote(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> {
            caseOf(c, caseId);
            return transparencyNoteOf(c, caseId);
        });
    }

    private static Optional<TransparencyNote> transparencyNoteOf(Connection c, long caseId) throws SQLException {
        List<TransparencyNote> all = transparencyNotesOf(c, caseId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static List<TransparencyNote> transparencyNotesOf(Connection c, long caseId) throws SQLException {
        return Db.query(c, "SELECT * FROM transparency_note WHERE case_id = ? ORDER BY id",
                rs -> new TransparencyNote(rs.getLong("id"), rs.getLong("case_id"), LocalDate.parse(rs.getString("told_on")),
                        NoticeChannel.valueOf(rs.getString("channel")), rs.getString("told_by"), rs.getString("recorded_by"),
                        Db.instant(rs, "recorded")), caseId);
    }

    // ---- justifications and reviews (R1, R2) --------------------------------------------------------------

    @Override
    public Justification justify(Optional<Long> caseId, String unitId, ReasonCategory reason, String text, SearchMode mode) {
        return write("unit:" + unitId, caseId, tx -> {
            unitOf(tx.c, unitId);
            Justification draft = new Justification(0, caseId, unitId, user.id(), reason, text, mode, now());
            policy.checkJustification(user, draft);
            if (caseId.isPresent() && !caseOf(tx.c, caseId.get()).unitId().equals(unitId)) {
                throw InsynException.invalid("store.caseNotInUnit", caseId.get(), unitId);
            }
            long id = Db.insert(tx.c, "INSERT INTO justification (case_id, unit_id, author_id, reason, body, search_mode, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", caseId, unitId, user.id(), reason, text, mode, draft.created());
            tx.audit(user.id(), AuditAction.JUSTIFICATION_WRITTEN, caseId, "justification:" + id,
                    "reason=" + reason + " mode=" + mode);
            tx.changed(StoreEvent.Type.JUSTIFICATION, id, caseId, false);
            return new Justification(id, caseId, unitId, user.id(), reason, text, mode, draft.created());
        });
    }

    @Override
    public Justification attachToCase(long justificationId, long caseId) {
        return write("justification:" + justificationId, Optional.of(caseId), tx -> {
            Justification j = justificationOf(tx.c, justificationId)
                    .orElseThrow(() -> InsynException.notFound("justification", justificationId));
            CaseFile cf = caseOf(tx.c, caseId);
            // R8: only an outreach search made without a case, into an outreach case (no client) of the same unit
            if (j.mode() != SearchMode.OUTREACH || j.caseId().isPresent()
                    || Db.one(tx.c, "SELECT 1 FROM subject WHERE case_id = ?", rs -> true, caseId).isPresent()) {
                throw InsynException.invalid("store.notAttachable", justificationId, caseId);
            }
            if (!cf.unitId().equals(j.unitId())) {
                throw InsynException.invalid("store.caseNotInUnit", caseId, j.unitId());
            }
            Db.update(tx.c, "UPDATE justification SET case_id = ? WHERE id = ?", caseId, justificationId);
            tx.audit(user.id(), AuditAction.JUSTIFICATION_WRITTEN, Optional.of(caseId), "justification:" + justificationId,
                    "case=" + caseId);
            tx.changed(StoreEvent.Type.JUSTIFICATION, justificationId, Optional.of(caseId), false);
            return new Justification(j.id(), Optional.of(caseId), j.unitId(), j.authorId(), j.reason(), j.text(), j.mode(), j.created());
        });
    }

    @Override
    public Justification justification(long justificationId) {
        return read("justification:" + justificationId, Optional.empty(), c -> justificationOf(c, justificationId)
                .orElseThrow(() -> InsynException.notFound("justification", justificationId)));
    }

    private Optional<Justification> justificationOf(Connection c, long id) throws SQLException {
        Optional<Justification> j = Db.one(c, "SELECT * FROM justification WHERE id = ?", StoreSession::justificationRow, id);
        if (j.isPresent() && !user.belongsTo(j.get().unitId())) {
            throw InsynException.refused(Rule.R9, "policy.notInUnit", j.get().unitId());
        }
        return j;
    }

    private static Justification justificationRow(ResultSet rs) throws SQLException {
        return new Justification(rs.getLong("id"), Db.optLong(rs, "case_id"), rs.getString("unit_id"),
                rs.getString("author_id"), ReasonCategory.valueOf(rs.getString("reason")), rs.getString("body"),
                SearchMode.valueOf(rs.getString("search_mode")), Db.instant(rs, "created"));
    }

    @Override
    public List<Justification> justifications(Optional<Long> caseId) {
        return read(caseId.map(id -> "case:" + id).orElse("justifications"), caseId, c -> {
            if (caseId.isPresent()) {
                caseOf(c, caseId.get());
                return Db.query(c, "SELECT * FROM justification WHERE case_id = ? ORDER BY id", StoreSession::justificationRow,
                        caseId.get());
            }
            return Db.query(c, "SELECT * FROM justification ORDER BY id", StoreSession::justificationRow).stream()
                    .filter(j -> user.belongsTo(j.unitId())).toList();
        });
    }

    @Override
    public Review review(long justificationId, ReviewDecision decision, String comment) {
        return write("justification:" + justificationId, Optional.empty(), tx -> {
            Justification j = justificationOf(tx.c, justificationId)
                    .orElseThrow(() -> InsynException.notFound("justification", justificationId));
            policy.checkReview(user, j);
            if (decision == ReviewDecision.REJECT && comment.isBlank()) {
                throw InsynException.invalid("store.rejectNeedsComment");
            }
            Instant at = now();
            // R2: the justification's author goes with the review, so the database refuses a review by them too
            long id = Db.insert(tx.c, "INSERT INTO review (justification_id, reviewer_id, author_id, decision, remark, at_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", justificationId, user.id(), j.authorId(), decision, comment, at);
            tx.audit(user.id(), AuditAction.JUSTIFICATION_REVIEWED, j.caseId(), "justification:" + justificationId,
                    "decision=" + decision);
            boolean searched = Db.one(tx.c, "SELECT 1 FROM search_run WHERE justification_id = ?", rs -> true,
                    justificationId).isPresent();
            // R2: under review=after, a rejection of a search already made is flagged on the case
            if (j.caseId().isPresent() && policy.flagsCase(unitOf(tx.c, j.unitId()), decision, searched)) {
                Db.update(tx.c, "UPDATE case_file SET flagged = TRUE WHERE id = ?", j.caseId().get());
                tx.changed(StoreEvent.Type.CASE, j.caseId().get(), j.caseId(), false);
            }
            tx.changed(StoreEvent.Type.REVIEW, id, j.caseId(), false);
            return new Review(id, justificationId, user.id(), decision, comment, at);
        });
    }

    @Override
    public List<Review> reviews(long justificationId) {
        return read("justification:" + justificationId, Optional.empty(), c -> {
            justificationOf(c, justificationId).orElseThrow(() -> InsynException.notFound("justification", justificationId));
            return reviewsOf(c, justificationId);
        });
    }

    private static List<Review> reviewsOf(Connection c, long justificationId) throws SQLException {
        return Db.query(c, "SELECT * FROM review WHERE justification_id = ? ORDER BY id",
                rs -> new Review(rs.getLong("id"), rs.getLong("justification_id"), rs.getString("reviewer_id"),
                        ReviewDecision.valueOf(rs.getString("decision")), rs.getString("remark"), Db.instant(rs, "at_ms")),
                justificationId);
    }

    @Override
    public List<Justification> reviewQueue() {
        // R2: a supervisor's own units only, and never their own justifications (four eyes)
        return read("review-queue", Optional.empty(), c -> !user.has(Role.SUPERVISOR) ? List.<Justification>of()
                : Db.query(c, "SELECT * FROM justification j WHERE NOT EXISTS (SELECT 1 FROM review r"
                        + " WHERE r.justification_id = j.id AND r.decision <> 'COMMENT') ORDER BY id", StoreSession::justificationRow)
                        .stream().filter(j -> user.belongsTo(j.unitId()) && !j.authorId().equals(user.id())).toList());
    }

    // ---- searches and hits (R1, R3, R4, R8) ---------------------------------------------------------------

    @Override
    public void checkMaySearch(Optional<Long> caseId, SearchMode mode) {
        ws.touch();
        try {
            ws.read(c -> {
                current(c);
                if (caseId.isPresent()) {
                    caseOf(c, caseId.get());
                }
                // R1, R4, R8: before a justification is written, so a refused attempt stores none
                policy.checkBeforeJustification(user, mode, caseId, caseId.isPresent() ? transparencyNoteOf(c, caseId.get()) : Optional.empty());
                return null;
            });
        } catch (InsynException e) {
            if (e.kind() == InsynException.Kind.REFUSED || e.kind() == InsynException.Kind.NOT_FOUND) {
                // R16: the refused attempt is on the trail, and only there
                audit(AuditAction.SEARCH_REFUSED, caseId, caseId.map(id -> "case:" + id).orElse("outreach"), e);
            }
            throw e;
        }
    }

    @Override
    public SearchRun startSearch(long justificationId, String query, List<String> sources) {
        if (query.isBlank() || sources.isEmpty()) {
            throw InsynException.invalid("store.emptySearch");
        }
        ws.touch();
        try {
            return ws.write(tx -> {
                current(tx.c);
                Optional<Justification> j = justificationOf(tx.c, justificationId);
                Unit unit = unitOf(tx.c, j.map(Justification::unitId).orElse(user.unitIds().stream().sorted().findFirst()
                        .orElseThrow(() -> InsynException.refused(Rule.R1, "policy.noJustification"))));
                if (j.isPresent() && j.get().caseId().isPresent()) {
                    caseOf(tx.c, j.get().caseId().get());
                }
                List<Review> reviews = j.isPresent() ? reviewsOf(tx.c, justificationId) : List.of();
                Optional<TransparencyNote> note = j.flatMap(Justification::caseId).isPresent()
                        ? transparencyNoteOf(tx.c, j.get().caseId().get()) : Optional.empty();
                // R1, R2, R4, R8: decided here, inside the transaction, before any request leaves the machine
                policy.checkSearch(user, unit, j, reviews, note);
                Instant at = now();
                long id = Db.insert(tx.c, "INSERT INTO search_run (justification_id, query_text, sources, user_id, started)"
                        + " VALUES (?, ?, ?, ?, ?)", justificationId, query, Json.write(sources), user.id(), at);
                Optional<Long> caseId = j.get().caseId();
                tx.audit(user.id(), AuditAction.SEARCH_STARTED, caseId, "search:" + id,
                        "justification=" + justificationId + " query=" + query + " sources=" + String.join(",", sources));
                tx.changed(StoreEvent.Type.SEARCH_RUN, id, caseId, false);
                return new SearchRun(id, justificationId, query, sources, user.id(), at, Optional.empty());
            });
        } catch (InsynException e) {
            if (e.kind() == InsynException.Kind.REFUSED || e.kind() == InsynException.Kind.NOT_FOUND) {
                // R16: a refused search is on the trail too
                Optional<Long> caseId = ws.read(c -> Db.one(c, "SELECT case_id FROM justification WHERE id = ?",
                        rs -> Db.optLong(rs, "case_id"), justificationId)).flatMap(o -> o);
                audit(AuditAction.SEARCH_REFUSED, caseId, "justification:" + justificationId, e);
            }
            throw e;
        }
    }

    @Override
    public void startCapture(long caseId, long justificationId, java.net.URI url) {
        ws.touch();
        try {
            ws.write(tx -> {
                current(tx.c);
                caseOf(tx.c, caseId);
                Justification j = justificationOf(tx.c, justificationId)
                        .orElseThrow(() -> InsynException.notFound("justification", justificationId));
                if (j.caseId().filter(c -> c == caseId).isEmpty()) {
                    throw InsynException.invalid("capture.justificationNotForCase", justificationId, caseId);
                }
                // R1, R2, R4: decided here, inside the transaction, before the browser starts
                policy.checkSearch(user, unitOf(tx.c, j.unitId()), Optional.of(j), reviewsOf(tx.c, justificationId),
                        transparencyNoteOf(tx.c, caseId));
                tx.audit(user.id(), AuditAction.CAPTURE_STARTED, Optional.of(caseId), "justification:" + justificationId,
                        "url=" + url);
                return null;
            });
        } catch (InsynException e) {
            if (e.kind() == InsynException.Kind.REFUSED || e.kind() == InsynException.Kind.NOT_FOUND
                    || e.kind() == InsynException.Kind.INVALID) {
                audit(AuditAction.CAPTURE_REFUSED, Optional.of(caseId), "justification:" + justificationId, e); // R16
            }
            throw e;
        }
    }

    private SearchRun runOf(Connection c, long runId) throws SQLException {
        SearchRun run = Db.one(c, "SELECT * FROM search_run WHERE id = ?",
                rs -> new SearchRun(rs.getLong("id"), rs.getLong("justification_id"), rs.getString("query_text"),
                        Json.strings(rs.getString("sources")), rs.getString("user_id"), Db.instant(rs, "started"),
                        Db.optInstant(rs, "finished")), runId).orElseThrow(() -> InsynException.notFound("search", runId));
        Justification j = justificationOf(c, run.justificationId()).orElseThrow();
        if (j.caseId().isPresent()) {
            caseOf(c, j.caseId().get());
        }
        return run;
    }

    private Optional<Long> caseOfRun(Connection c, SearchRun run) throws SQLException {
        return justificationOf(c, run.justificationId()).orElseThrow().caseId();
    }

    @Override
    public List<Hit> addHits(long runId, List<HitDraft> drafts) {
        return write("search:" + runId, Optional.empty(), tx -> {
            SearchRun run = runOf(tx.c, runId);
            if (run.finished().isPresent()) {
                throw InsynException.invalid("store.searchFinished", runId);
            }
            Set<String> seen = new LinkedHashSet<>(Db.query(tx.c, "SELECT url FROM hit WHERE run_id = ?", rs -> rs.getString(1), runId));
            List<Hit> added = new ArrayList<>();
            for (HitDraft d : drafts) {
                if (!seen.add(d.url())) {
                    continue;
                }
                long id = Db.insert(tx.c, "INSERT INTO hit (run_id, source, url, title, snippet, published, author, relevance)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", runId, d.source(), d.url(), d.title(), d.snippet(),
                        d.published(), d.author(), Relevance.UNREVIEWED);
                added.add(new Hit(id, runId, d.source(), d.url(), d.title(), d.snippet(), d.published(), d.author(),
                        Relevance.UNREVIEWED));
            }
            // R13: the count outlives the hits that triage (R3) and weeding (R10) delete
            Db.update(tx.c, "UPDATE search_run SET hits_found = hits_found + ? WHERE id = ?", added.size(), runId);
            Optional<Long> caseId = caseOfRun(tx.c, run);
            tx.audit(user.id(), AuditAction.HITS_ADDED, caseId, "search:" + runId, "hits=" + added.size());
            added.forEach(h -> tx.changed(StoreEvent.Type.HIT, h.id(), caseId, false));
            return added;
        });
    }

    @Override
    public SearchRun finishSearch(long runId) {
        return write("search:" + runId, Optional.empty(), tx -> {
            SearchRun run = runOf(tx.c, runId);
            Instant at = run.finished().orElse(now());
            Db.update(tx.c, "UPDATE search_run SET finished = ? WHERE id = ?", at, runId);
            long hits = Db.one(tx.c, "SELECT COUNT(*) FROM hit WHERE run_id = ?", rs -> rs.getLong(1), runId).orElse(0L);
            Optional<Long> caseId = caseOfRun(tx.c, run);
            tx.audit(user.id(), AuditAction.SEARCH_FINISHED, caseId, "search:" + runId, "hits=" + hits);
            tx.changed(StoreEvent.Type.SEARCH_RUN, runId, caseId, false);
            return new SearchRun(run.id(), run.justificationId(), run.query(), run.sources(), run.userId(), run.started(),
                    Optional.of(at));
        });
    }

    @Override
    public List<Hit> hits(long runId) {
        return read("search:" + runId, Optional.empty(), c -> {
            runOf(c, runId);
            return Db.query(c, "SELECT * FROM hit WHERE run_id = ? ORDER BY id", StoreSession::hitRow, runId);
        });
    }

    @Override
    public List<Hit> findings(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> {
            caseOf(c, caseId);
            return Db.query(c, "SELECT h.* FROM hit h JOIN search_run r ON r.id = h.run_id JOIN justification j"
                    + " ON j.id = r.justification_id WHERE j.case_id = ? AND h.relevance = ? ORDER BY h.id", StoreSession::hitRow,
                    caseId, Relevance.RELEVANT);
        });
    }

    static Hit hitRow(ResultSet rs) throws SQLException {
        return new Hit(rs.getLong("id"), rs.getLong("run_id"), rs.getString("source"), rs.getString("url"),
                rs.getString("title"), rs.getString("snippet"), Db.optInstant(rs, "published"),
                Optional.ofNullable(rs.getString("author")), Relevance.valueOf(rs.getString("relevance")));
    }

    @Override
    public Hit triage(long hitId, Relevance relevance) {
        return write("hit:" + hitId, Optional.empty(), tx -> {
            Hit hit = Db.one(tx.c, "SELECT * FROM hit WHERE id = ?", StoreSession::hitRow, hitId)
                    .orElseThrow(() -> InsynException.notFound("hit", hitId));
            Optional<Long> caseId = caseOfRun(tx.c, runOf(tx.c, hit.runId()));
            Hit triaged = new Hit(hit.id(), hit.runId(), hit.source(), hit.url(), hit.title(), hit.snippet(), hit.published(),
                    hit.author(), relevance);
            // R13: how the search's hits were triaged stays on the search when the hits go (R3, R10)
            Db.update(tx.c, "UPDATE search_run SET hits_relevant = hits_relevant + ?, hits_irrelevant = hits_irrelevant + ? WHERE id = ?",
                    (relevance == Relevance.RELEVANT ? 1 : 0) - (hit.relevance() == Relevance.RELEVANT ? 1 : 0),
                    relevance == Relevance.IRRELEVANT ? 1 : 0, hit.runId());
            if (relevance == Relevance.IRRELEVANT) {
                // R3: irrelevant material is sorted away; the trail keeps only that a hit was discarded
                Db.update(tx.c, "DELETE FROM hit WHERE id = ?", hitId);
                tx.audit(user.id(), AuditAction.HIT_DISCARDED, caseId, "hit:" + hitId, "irrelevant hit removed (R3)");
                tx.changed(StoreEvent.Type.HIT, hitId, caseId, true);
            } else {
                Db.update(tx.c, "UPDATE hit SET relevance = ? WHERE id = ?", relevance, hitId);
                tx.audit(user.id(), AuditAction.HIT_TRIAGED, caseId, "hit:" + hitId, "relevance=" + relevance);
                tx.changed(StoreEvent.Type.HIT, hitId, caseId, false);
            }
            return triaged;
        });
    }

    @Override
    public void recordExport(Optional<Long> caseId, String what, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}") || what.isBlank()) {
            throw new IllegalArgumentException("an export is recorded by its kind and the SHA-256 of what was written");
        }
        write(caseId.map(id -> "case:" + id).orElse("export:" + what), caseId, tx -> {
            if (caseId.isPresent()) {
                caseOf(tx.c, caseId.get());
            }
            tx.audit(user.id(), AuditAction.EXPORTED, caseId, "export:" + what, "sha256=" + sha256);
            return null;
        });
    }

    // ---- statistics (R13) ----------------------------------------------------------------------------------

    @Override
    public List<SearchFact> searchFacts(ZoneId zone) {
        return read("statistics", Optional.empty(), c -> {
            policy.checkStatistics(user);
            Map<Long, Justification> justifications = new HashMap<>();
            for (Justification j : Db.query(c, "SELECT * FROM justification", StoreSession::justificationRow)) {
                if (user.belongsTo(j.unitId())) {
                    justifications.put(j.id(), j);
                }
            }
            List<SearchFact> facts = new ArrayList<>();
            for (RunCounts run : Db.query(c, "SELECT justification_id, started, hits_found, hits_relevant, hits_irrelevant FROM search_run"
                    + " ORDER BY id",
                    rs -> new RunCounts(rs.getLong(1), Db.instant(rs, "started"), rs.getInt(3), rs.getInt(4), rs.getInt(5)))) {
                Optional.ofNullable(justifications.get(run.justificationId()))
                        .ifPresent(j -> facts.add(fact(j, run.outcome(), run.started(), zone)));
            }
            // A refused search has no run: its audit line names the justification (R16).
            for (AuditEntry refusal : Db.query(c, "SELECT * FROM audit WHERE action = ? ORDER BY seq", StoreWorkspace::auditRow,
                    AuditAction.SEARCH_REFUSED.name())) {
                Optional.ofNullable(justifications.get(idIn(refusal.target(), "justification:")))
                        .ifPresent(j -> facts.add(fact(j, SearchOutcome.REFUSED, refusal.at(), zone)));
            }
            return facts;
        });
    }

    /** A search run with the hits it found and how many of them were triaged relevant and irrelevant. */
    private record RunCounts(long justificationId, Instant started, int found, int relevant, int irrelevant) {
        SearchOutcome outcome() {
            return relevant > 0 ? SearchOutcome.FINDINGS : found > relevant + irrelevant ? SearchOutcome.UNTRIAGED
                    : found > 0 ? SearchOutcome.NOTHING_RELEVANT : SearchOutcome.NO_HITS;
        }
    }

    /** Searches of one case count as one case; an outreach search without a case stands for itself (R13). */
    private static SearchFact fact(Justification j, SearchOutcome outcome, Instant at, ZoneId zone) {
        String caseKey = j.caseId().map(id -> "case:" + id).orElse("justification:" + j.id());
        return new SearchFact(j.unitId(), j.reason(), outcome, YearMonth.from(at.atZone(zone)), caseKey);
    }

    private static long idIn(String target, String prefix) {
        try {
            return target.startsWith(prefix) ? Long.parseLong(target.substring(prefix.length())) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- evidence and notes (R7, R10, R17) ----------------------------------------------------------------

    @Override
    public Capture saveCapture(Capture d) {
        return write("case:" + d.caseId(), inCase(d.caseId()), tx -> {
            // checked with the chain head locked, so a sweep of released blobs cannot remove one of them meanwhile
            for (String hash : d.artifacts().values()) {
                if (!ws.blobs().exists(hash)) {
                    throw InsynException.invalid("store.blobMissing", hash);
                }
            }
            if (!ws.blobs().exists(d.manifestSha256())) {
                throw InsynException.invalid("store.blobMissing", d.manifestSha256());
            }
            CaseFile cf = caseOf(tx.c, d.caseId());
            Justification j = justificationOf(tx.c, d.justificationId())
                    .orElseThrow(() -> InsynException.notFound("justification", d.justificationId()));
            if (!j.unitId().equals(cf.unitId())) {
                throw InsynException.invalid("store.caseNotInUnit", d.caseId(), j.unitId());
            }
            long id = Db.insert(tx.c, "INSERT INTO capture (case_id, justification_id, hit_id, url, final_url, http_status,"
                    + " captured_at, zone_id, operator_id, tool, artifacts, manifest_sha256, timestamp_token, record_class,"
                    + " complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.caseId(), d.justificationId(),
                    d.hitId(), d.url(), d.finalUrl(), d.httpStatus(), d.capturedAt(), d.zoneId(), d.operatorId(), d.tool(),
                    Json.write(new java.util.TreeMap<>(d.artifacts())), d.manifestSha256(),
                    d.timestampToken().map(Base64.getEncoder()::encodeToString), d.recordClass(), d.complete());
            tx.audit(user.id(), AuditAction.CAPTURE_SAVED, Optional.of(d.caseId()), "capture:" + id,
                    "manifest=" + d.manifestSha256() + " class=" + d.recordClass());
            tx.changed(StoreEvent.Type.CAPTURE, id, Optional.of(d.caseId()), false);
            return withId(d, id);
        });
    }

    private static Capture withId(Capture d, long id) {
        return new Capture(id, d.caseId(), d.justificationId(), d.hitId(), d.url(), d.finalUrl(), d.httpStatus(),
                d.capturedAt().truncatedTo(ChronoUnit.MILLIS), d.zoneId(), d.operatorId(), d.tool(), d.artifacts(), d.manifestSha256(), d.timestampToken(),
                d.recordClass(), d.complete());
    }

    @Override
    public List<Capture> captures(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> {
            caseOf(c, caseId);
            return Db.query(c, "SELECT * FROM capture WHERE case_id = ? ORDER BY id", StoreSession::captureRow, caseId);
        });
    }

    static Capture captureRow(ResultSet rs) throws SQLException {
        return new Capture(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("justification_id"), Db.optLong(rs, "hit_id"),
                rs.getString("url"), rs.getString("final_url"), rs.getInt("http_status"), Db.instant(rs, "captured_at"),
                rs.getString("zone_id"), rs.getString("operator_id"), rs.getString("tool"),
                Json.stringMap(rs.getString("artifacts")), rs.getString("manifest_sha256"),
                Optional.ofNullable(rs.getString("timestamp_token")).map(Base64.getDecoder()::decode),
                RecordClass.valueOf(rs.getString("record_class")), rs.getBoolean("complete"));
    }

    @Override
    public Note saveNote(Note d) {
        if (d.text().isBlank()) {
            throw InsynException.invalid("store.blankNote");
        }
        return write("case:" + d.caseId(), inCase(d.caseId()), tx -> {
            caseOf(tx.c, d.caseId());
            Instant at = now();
            if (d.id() == 0) {
                long id = Db.insert(tx.c, "INSERT INTO note (case_id, author_id, body, record_class, hit_ids, capture_ids,"
                        + " created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", d.caseId(), user.id(), d.text(),
                        d.recordClass(), Json.write(d.hitIds()), Json.write(d.captureIds()), at, at);
                tx.audit(user.id(), AuditAction.NOTE_SAVED, Optional.of(d.caseId()), "note:" + id, "created class=" + d.recordClass());
                tx.changed(StoreEvent.Type.NOTE, id, Optional.of(d.caseId()), false);
                return new Note(id, d.caseId(), user.id(), d.text(), d.recordClass(), d.hitIds(), d.captureIds(), at, at);
            }
            Note old = Db.one(tx.c, "SELECT * FROM note WHERE id = ?", StoreSession::noteRow, d.id())
                    .filter(n -> n.caseId() == d.caseId()).orElseThrow(() -> InsynException.notFound("note", d.id()));
            Db.update(tx.c, "UPDATE note SET body = ?, record_class = ?, hit_ids = ?, capture_ids = ?, modified = ? WHERE id = ?",
                    d.text(), d.recordClass(), Json.write(d.hitIds()), Json.write(d.captureIds()), at, d.id());
            tx.audit(user.id(), AuditAction.NOTE_SAVED, Optional.of(d.caseId()), "note:" + d.id(), "changed class=" + d.recordClass());
            tx.changed(StoreEvent.Type.NOTE, d.id(), Optional.of(d.caseId()), false);
            return new Note(d.id(), d.caseId(), old.authorId(), d.text(), d.recordClass(), d.hitIds(), d.captureIds(),
                    old.created(), at);
        });
    }

    @Override
    public List<Note> notes(long caseId) {
        return read("case:" + caseId, inCase(caseId), c -> {
            caseOf(c, caseId);
            return Db.query(c, "SELECT * FROM note WHERE case_id = ? ORDER BY id", StoreSession::noteRow, caseId);
        });
    }

    static Note noteRow(ResultSet rs) throws SQLException {
        return new Note(rs.getLong("id"), rs.getLong("case_id"), rs.getString("author_id"), rs.getString("body"),
                RecordClass.valueOf(rs.getString("record_class")), Json.longs(rs.getString("hit_ids")),
                Json.longs(rs.getString("capture_ids")), Db.instant(rs, "created"), Db.instant(rs, "modified"));
    }

    @Override
    public void delete(StoreEvent.Type type, long id, String reason) {
        if (reason.isBlank()) {
            throw InsynException.invalid("store.deleteNeedsReason");
        }
        write(type.name().toLowerCase() + ":" + id, Optional.empty(), tx -> {
            String table = switch (type) {
                case NOTE -> "note";
                case CAPTURE -> "capture";
                default -> throw InsynException.invalid("store.cannotDelete", type);
            };
            Object[] row = Db.one(tx.c, "SELECT case_id, record_class FROM " + table + " WHERE id = ?",
                    rs -> new Object[] { rs.getLong(1), RecordClass.valueOf(rs.getString(2)) }, id)
                    .orElseThrow(() -> InsynException.notFound(table, id));
            long caseId = (Long) row[0];
            CaseFile cf = caseOf(tx.c, caseId);
            refuseIfKept(cf, row[1] == RecordClass.REGISTERED);
            // its blobs, unless another capture has them, and the case's cached exports, which may hold it
            ws.release(tx, type == StoreEvent.Type.CAPTURE ? List.of(id) : List.of(), Optional.of(caseId));
            tx.afterCommit(ws::sweep);
            Db.update(tx.c, "DELETE FROM " + table + " WHERE id = ?", id);
            // R10, R14: the entry says what kind of thing went and why, never what it held
            tx.audit(user.id(), AuditAction.DELETED, Optional.of(caseId), table + ":" + id, "reason: " + reason);
            tx.changed(type, id, Optional.of(caseId), true);
            return null;
        });
    }

    /** R14, R10: a registered record is kept by public-records law, and a case on legal hold keeps everything. */
    private static void refuseIfKept(CaseFile cf, boolean registered) {
        if (registered) {
            throw InsynException.refused(Rule.R14, "store.registeredKept");
        }
        if (cf.legalHold()) {
            throw InsynException.refused(Rule.R14, "store.legalHold");
        }
    }

    @Override
    public Erasure erase(long subjectId, String reason) {
        return new StoreRetention(ws, this).erase(subjectId, reason);
    }

    @Override
    public Retention retention() {
        return new StoreRetention(ws, this);
    }

    // ---- data subject rights (R14) ------------------------------------------------------------------------

    @Override
    public SubjectAccess subjectAccess(long subjectId) {
        return write("subject:" + subjectId, Optional.empty(), tx -> {
            Subject s = Db.one(tx.c, "SELECT * FROM subject WHERE id = ?", StoreSession::subjectRow, subjectId)
                    .orElseThrow(() -> InsynException.notFound("subject", subjectId));
            long caseId = s.caseId();
            CaseFile cf = caseOf(tx.c, caseId);
            List<Justification> js = Db.query(tx.c, "SELECT * FROM justification WHERE case_id = ? ORDER BY id",
                    StoreSession::justificationRow, caseId);
            List<Review> reviews = new ArrayList<>();
            List<SearchRun> runs = new ArrayList<>();
            List<Hit> hits = new ArrayList<>();
            for (Justification j : js) {
                reviews.addAll(reviewsOf(tx.c, j.id()));
                for (long runId : Db.query(tx.c, "SELECT id FROM search_run WHERE justification_id = ? ORDER BY id",
                        rs -> rs.getLong(1), j.id())) {
                    runs.add(runOf(tx.c, runId));
                    hits.addAll(Db.query(tx.c, "SELECT * FROM hit WHERE run_id = ? ORDER BY id", StoreSession::hitRow, runId));
                }
            }
            List<Note> notes = Db.query(tx.c, "SELECT * FROM note WHERE case_id = ? ORDER BY id", StoreSession::noteRow, caseId);
            List<Capture> captures = Db.query(tx.c, "SELECT * FROM capture WHERE case_id = ? ORDER BY id", StoreSession::captureRow,
                    caseId);
            // The access is on the trail before it is read, so the person sees that they asked.
            tx.audit(user.id(), AuditAction.SUBJECT_ACCESS, Optional.of(caseId), "subject:" + subjectId, "everything held listed");
            List<AuditEntry> audit = Db.query(tx.c, "SELECT * FROM audit WHERE case_id = ? ORDER BY seq", StoreWorkspace::auditRow,
                    caseId);
            return new SubjectAccess(s, cf, transparencyNotesOf(tx.c, caseId), js, reviews, runs, hits, notes, captures, audit, user.id(),
                    now());
        });
    }
}
