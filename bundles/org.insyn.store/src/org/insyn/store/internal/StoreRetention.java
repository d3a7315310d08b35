package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.insyn.core.InsynException;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.LegalHold;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.RetentionRule;
import org.insyn.core.model.Role;
import org.insyn.core.model.Subject;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.policy.Policy;
import org.insyn.core.service.Erasure;
import org.insyn.core.service.Erasure.Item;
import org.insyn.core.service.Erasure.Kept;
import org.insyn.core.service.Retention;
import org.insyn.core.service.StoreEvent.Type;

/**
 * R10, R14: the retention schedule, legal holds, weeding and erasure on request, as the user of a session. Weeding
 * works case by case in transactions of at most {@link #BATCH} items, each with its content-free audit entry, so a
 * crash or a cancel leaves every item whole or gone; the blob files and cached exports of what went are removed after
 * the commit ({@link StoreWorkspace#sweep()}), or at the next opening after a crash.
 */
final class StoreRetention implements Retention {
    /** Items per weeding transaction: small enough for a short lock and an audit entry listing their ids. */
    static final int BATCH = 400;
    static final int MAX_DAYS = 36_500;
    private static final long DAY_MS = 86_400_000L;
    private static final String MINOR = RecordClass.MINOR_IMPORTANCE.name();
    private static final String RUNS_OF_CASE = "SELECT r.id FROM search_run r JOIN justification j ON r.justification_id = j.id"
            + " WHERE j.case_id = ?";
    private static final String HITS_OF_CASE = "SELECT h.id FROM hit h WHERE h.run_id IN (" + RUNS_OF_CASE + ") ORDER BY h.id";
    private static final String OUTREACH_HITS = "SELECT h.id FROM hit h JOIN search_run r ON h.run_id = r.id"
            + " JOIN justification j ON r.justification_id = j.id WHERE j.case_id IS NULL AND j.unit_id = ? AND r.started <= ?"
            + " ORDER BY h.id";

    private final StoreWorkspace ws;
    private final StoreSession session;
    private final Policy policy = new Policy();

    StoreRetention(StoreWorkspace ws, StoreSession session) {
        this.ws = ws;
        this.session = session;
    }

    /** The session's person as every call reads them anew (R9). */
    private User user() {
        return session.user();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- the schedule ------------------------------------------------------------------------------------

    @Override
    public List<RetentionRule> schedule() {
        List<Unit> units = ws.units();
        return session.read("retention", Optional.empty(), c -> {
            List<RetentionRule> all = new ArrayList<>();
            for (Unit unit : units) {
                if (!user().has(Role.ADMINISTRATOR) && !user().belongsTo(unit.id())) {
                    continue;
                }
                for (RecordClass rc : RecordClass.values()) {
                    all.add(Db.one(c, "SELECT * FROM retention_rule WHERE unit_id = ? AND record_class = ?",
                            rs -> new RetentionRule(unit.id(), rc, Optional.of(rs.getInt("days")), Optional.of(rs.getString("changed_by")),
                                    Optional.of(Db.instant(rs, "changed"))), unit.id(), rc)
                            .orElse(new RetentionRule(unit.id(), rc, Optional.empty(), Optional.empty(), Optional.empty())));
                }
            }
            return all;
        });
    }

    @Override
    public RetentionRule setRule(String unitId, RecordClass recordClass, Optional<Integer> daysAfterClosing) {
                if (daysAfterClosing.isPresent() && (daysAfterClosing.get() < 0 || daysAfterClosing.get() > MAX_DAYS)) {
            throw InsynException.invalid("store.badRetentionDays", daysAfterClosing.get());
        }
        return session.write("unit:" + unitId, Optional.empty(), tx -> {
            policy.checkRetentionRule(user(), unitId, recordClass);
            StoreWorkspace.unit(tx.c, unitId).orElseThrow(() -> InsynException.notFound("unit", unitId));
            Instant at = now();
            Db.update(tx.c, "DELETE FROM retention_rule WHERE unit_id = ? AND record_class = ?", unitId, recordClass);
            if (daysAfterClosing.isPresent()) {
                Db.update(tx.c, "INSERT INTO retention_rule (unit_id, record_class, days, changed_by, changed) VALUES (?, ?, ?, ?, ?)",
                        unitId, recordClass, daysAfterClosing.get(), user().id(), at);
            }
            tx.audit(user().id(), AuditAction.RETENTION_RULE_SAVED, Optional.empty(), "unit:" + unitId, "class=" + recordClass
                    + daysAfterClosing.map(d -> " weeded " + d + " days after the case closes").orElse(" not weeded"));
            return daysAfterClosing.isPresent()
                    ? new RetentionRule(unitId, recordClass, daysAfterClosing, Optional.of(user().id()), Optional.of(at))
                    : new RetentionRule(unitId, recordClass, Optional.empty(), Optional.empty(), Optional.empty());
        });
    }

    // ---- legal hold ----------------------------------------------------------------------------------------

    @Override
    public CaseFile placeHold(long caseId, String reason) {
        return changeHold(caseId, reason, true);
    }

    @Override
    public CaseFile liftHold(long caseId, String reason) {
        return changeHold(caseId, reason, false);
    }

    private CaseFile changeHold(long caseId, String reason, boolean place) {
        if (reason.isBlank()) {
            throw InsynException.invalid("store.holdNeedsReason");
        }
        return session.write("case:" + caseId, Optional.of(caseId), tx -> {
            CaseFile cf = session.caseOf(tx.c, caseId);
            policy.checkHold(user(), cf, !place);
            if (cf.legalHold() == place) {
                throw InsynException.invalid(place ? "store.alreadyHeld" : "store.notHeld", caseId);
            }
            if (place) {
                Db.update(tx.c, "UPDATE case_file SET legal_hold = TRUE, hold_reason = ?, hold_by = ?, hold_at = ? WHERE id = ?",
                        reason, user().id(), now(), caseId);
            } else {
                Db.update(tx.c, "UPDATE case_file SET legal_hold = FALSE, hold_reason = NULL, hold_by = NULL, hold_at = NULL"
                        + " WHERE id = ?", caseId);
            }
            // R16: who and when are the entry's own; why is its detail
            tx.audit(user().id(), place ? AuditAction.LEGAL_HOLD_SET : AuditAction.LEGAL_HOLD_RELEASED, Optional.of(caseId),
                    "case:" + caseId, "reason: " + reason);
            tx.changed(Type.CASE, caseId, Optional.of(caseId), false);
            return session.caseOf(tx.c, caseId);
        });
    }

    @Override
    public Optional<LegalHold> hold(long caseId) {
        return session.read("case:" + caseId, Optional.of(caseId), c -> {
            if (!session.caseOf(c, caseId).legalHold()) {
                return Optional.empty();
            }
            return Db.one(c, "SELECT hold_reason, hold_by, hold_at FROM case_file WHERE id = ?",
                    rs -> new LegalHold(caseId, rs.getString(1), rs.getString(2), Db.instant(rs, "hold_at")), caseId);
        });
    }

    // ---- weeding (gallring) --------------------------------------------------------------------------------

    /**
     * Every unit's due material, whoever asks: weeding is what the schedule demands, not a privilege, and the plan
     * holds only counts and case numbers, no content.
     */
    @Override
    public Plan preview() {
        Instant asOf = now();
        return session.read("retention", Optional.empty(), c -> {
            List<Due> due = new ArrayList<>();
            for (Object[] row : Db.query(c, "SELECT c.id, c.unit_id, c.closed, r.days FROM case_file c JOIN retention_rule r"
                    + " ON r.unit_id = c.unit_id AND r.record_class = ? WHERE c.closed IS NOT NULL AND c.legal_hold = FALSE"
                    + " AND c.closed + CAST(r.days AS BIGINT) * " + DAY_MS + " <= ? ORDER BY c.id",
                    rs -> new Object[] { rs.getLong(1), rs.getString(2), Db.instant(rs, "closed"), rs.getInt(4) }, MINOR, asOf)) {
                long caseId = (Long) row[0];
                long notes = count(c, "SELECT COUNT(*) FROM note WHERE case_id = ? AND record_class = ?", caseId, MINOR);
                long captures = count(c, "SELECT COUNT(*) FROM capture WHERE case_id = ? AND record_class = ?", caseId, MINOR);
                long hits = weedableHits(c, caseId, Optional.empty()).size();
                if (notes + captures + hits > 0) {
                    due.add(new Due(Optional.of(caseId), (String) row[1], Optional.of((Instant) row[2]), (Integer) row[3], notes,
                            captures, hits));
                }
            }
            // R8: outreach keeps the minimum; its hits go the unit's period after the search
            due.addAll(Db.query(c, "SELECT j.unit_id, r.days, COUNT(h.id) FROM hit h JOIN search_run s ON h.run_id = s.id"
                    + " JOIN justification j ON s.justification_id = j.id JOIN retention_rule r ON r.unit_id = j.unit_id"
                    + " AND r.record_class = ? WHERE j.case_id IS NULL AND s.started + CAST(r.days AS BIGINT) * " + DAY_MS + " <= ?"
                    + " GROUP BY j.unit_id, r.days ORDER BY j.unit_id",
                    rs -> new Due(Optional.empty(), rs.getString(1), Optional.empty(), rs.getInt(2), 0, 0, rs.getLong(3)), MINOR, asOf));
            List<String> withoutRule = Db.query(c, "SELECT id FROM unit WHERE id NOT IN (SELECT unit_id FROM retention_rule"
                    + " WHERE record_class = ?) ORDER BY id", rs -> rs.getString(1), MINOR);
            return new Plan(asOf, due, withoutRule);
        });
    }

    @Override
    public Result weed(Progress progress) {
        Plan plan = preview();
        long total = plan.total();
        long[] weeded = new long[3];
        Set<Long> cases = new HashSet<>();
        boolean cancelled = false;
        progress.worked(0, total);
        everything: for (Due due : plan.due()) {
            for (;;) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break everything;
                }
                long[] batch = session.write("retention", due.caseId(), tx -> weedBatch(tx, due, plan.asOf()));
                long n = batch[0] + batch[1] + batch[2];
                for (int i = 0; i < 3; i++) {
                    weeded[i] += batch[i];
                }
                if (n > 0) {
                    due.caseId().ifPresent(cases::add);
                    long done = weeded[0] + weeded[1] + weeded[2];
                    progress.worked(done, Math.max(done, total));
                }
                if (n < BATCH) {
                    break;
                }
            }
        }
        Result result = new Result(weeded[0], weeded[1], weeded[2], cases.size(), cancelled);
        if (result.total() > 0) {
            boolean stopped = cancelled;
            session.write("retention", Optional.empty(), tx -> {
                tx.audit(user().id(), AuditAction.WEEDED, Optional.empty(), "weeding", "R10 weeding run" + (stopped ? ", cancelled" : "")
                        + ": notes " + result.notes() + ", captures " + result.captures() + ", hits " + result.hits() + " in "
                        + result.cases() + " cases");
                // the index rewrites its files now, so the weeded text leaves the disk and not only the results
                tx.changed(Type.PURGED, 0, Optional.empty(), true);
                tx.afterCommit(ws::sweep);
                return null;
            });
        }
        return result;
    }

    /** One transaction of at most {@link #BATCH} items of the case (or outreach unit): notes, captures, hits weeded. */
    private long[] weedBatch(Tx tx, Due due, Instant asOf) throws SQLException {
        Optional<Integer> days = Db.one(tx.c, "SELECT days FROM retention_rule WHERE unit_id = ? AND record_class = ?",
                rs -> rs.getInt(1), due.unitId(), MINOR);
        if (days.isEmpty()) {
            return new long[3];
        }
        long cutoff = asOf.toEpochMilli() - days.get() * DAY_MS;
        List<Long> notes = List.of();
        List<Long> captures = List.of();
        List<Long> hits;
        Optional<Long> caseId = due.caseId();
        if (caseId.isPresent()) {
            // checked again with the chain head locked: a hold placed since the preview stops weeding at once
            if (Db.one(tx.c, "SELECT 1 FROM case_file WHERE id = ? AND unit_id = ? AND legal_hold = FALSE AND closed IS NOT NULL"
                    + " AND closed <= ?", rs -> true, caseId.get(), due.unitId(), cutoff).isEmpty()) {
                return new long[3];
            }
            notes = ids(tx.c, "SELECT id FROM note WHERE case_id = ? AND record_class = ? ORDER BY id", BATCH, caseId.get(), MINOR);
            captures = ids(tx.c, "SELECT id FROM capture WHERE case_id = ? AND record_class = ? ORDER BY id",
                    BATCH - notes.size(), caseId.get(), MINOR);
            hits = weedableHits(tx.c, caseId.get(), Optional.of(BATCH - notes.size() - captures.size()));
        } else {
            hits = ids(tx.c, OUTREACH_HITS, BATCH, due.unitId(), cutoff);
        }
        if (notes.isEmpty() && captures.isEmpty() && hits.isEmpty()) {
            return new long[3];
        }
        ws.release(tx, captures, caseId);
        deleteIds(tx.c, "note", notes);
        deleteIds(tx.c, "capture", captures);
        deleteIds(tx.c, "hit", hits);
        // R10, R16: what kind and which ids went, by which rule; never what they held
        tx.audit(user().id(), AuditAction.WEEDED, caseId, caseId.map(id -> "case:" + id).orElse("unit:" + due.unitId()),
                "R10 weeding, minor importance, unit " + due.unitId() + ", " + days.get()
                        + (caseId.isPresent() ? " days after the case closed: " : " days after the outreach search: ")
                        + idList("notes", notes) + ", " + idList("captures", captures) + ", " + idList("hits", hits));
        notes.forEach(id -> tx.changed(Type.NOTE, id, caseId, true));
        captures.forEach(id -> tx.changed(Type.CAPTURE, id, caseId, true));
        hits.forEach(id -> tx.changed(Type.HIT, id, caseId, true));
        return new long[] { notes.size(), captures.size(), hits.size() };
    }

    /**
     * The hits of the case's searches that may go, in id order, at most {@code limit}: all but those a kept note or
     * capture refers to (hits have no record class of their own; what refers to them decides).
     */
    private static List<Long> weedableHits(Connection c, long caseId, Optional<Integer> limit) throws SQLException {
        Set<Long> kept = new HashSet<>();
        for (String ids : Db.query(c, "SELECT hit_ids FROM note WHERE case_id = ? AND record_class <> ?", rs -> rs.getString(1),
                caseId, MINOR)) {
            kept.addAll(Json.longs(ids));
        }
        kept.addAll(Db.query(c, "SELECT hit_id FROM capture WHERE case_id = ? AND record_class <> ? AND hit_id IS NOT NULL",
                rs -> rs.getLong(1), caseId, MINOR));
        // fetching as many more as are kept is enough to find `limit` that may go, if there are so many
        List<Long> candidates = limit.isPresent() ? ids(c, HITS_OF_CASE, limit.get() + kept.size(), caseId)
                : Db.query(c, HITS_OF_CASE, rs -> rs.getLong(1), caseId);
        List<Long> hits = candidates.stream().filter(id -> !kept.contains(id)).toList();
        return limit.isPresent() && hits.size() > limit.get() ? hits.subList(0, limit.get()) : hits;
    }

    // ---- erasure on request (R14) --------------------------------------------------------------------------

    Erasure erase(long subjectId, String reason) {
        if (reason.isBlank()) {
            throw InsynException.invalid("store.deleteNeedsReason");
        }
        return session.write("subject:" + subjectId, Optional.empty(), tx -> {
            Subject subject = Db.one(tx.c, "SELECT * FROM subject WHERE id = ?", StoreSession::subjectRow, subjectId)
                    .orElseThrow(() -> InsynException.notFound("subject", subjectId));
            long caseId = subject.caseId();
            CaseFile cf = session.caseOf(tx.c, caseId);
            List<Item> items = new ArrayList<>();
            if (cf.legalHold()) {
                // R10: a hold keeps everything; the worker is told so instead of a bare refusal
                Function<Long, Optional<Kept>> held = id -> Optional.of(Kept.LEGAL_HOLD);
                collect(tx.c, caseId, items, held, held, Optional.of(Kept.LEGAL_HOLD), held, held);
                items.add(new Item(Type.SUBJECT, subjectId, Optional.of(Kept.LEGAL_HOLD)));
                items.add(new Item(Type.CASE, caseId, Optional.of(Kept.LEGAL_HOLD)));
                tx.audit(user().id(), AuditAction.ERASED, Optional.of(caseId), "subject:" + subjectId,
                        "nothing erased: the case is on legal hold; request: " + reason);
                return new Erasure(subjectId, caseId, items);
            }
            // R14: a registered record is kept by public-records and archive law, and what it refers to with it
            Set<Long> registered = new LinkedHashSet<>();
            registered.addAll(Db.query(tx.c, "SELECT id FROM note WHERE case_id = ? AND record_class = 'REGISTERED'",
                    rs -> rs.getLong(1), caseId));
            Set<Long> registeredCaptures = new LinkedHashSet<>(Db.query(tx.c,
                    "SELECT id FROM capture WHERE case_id = ? AND record_class = 'REGISTERED'", rs -> rs.getLong(1), caseId));
            Set<Long> keptJustifications = new HashSet<>(Db.query(tx.c, "SELECT justification_id FROM capture WHERE case_id = ?"
                    + " AND record_class = 'REGISTERED'", rs -> rs.getLong(1), caseId));
            Set<Long> keptReviews = new HashSet<>();
            for (long j : keptJustifications) {
                keptReviews.addAll(Db.query(tx.c, "SELECT id FROM review WHERE justification_id = ?", rs -> rs.getLong(1), j));
            }
            boolean keepCase = !registered.isEmpty() || !registeredCaptures.isEmpty();
            Optional<Kept> withRecord = keepCase ? Optional.of(Kept.WITH_REGISTERED_RECORD) : Optional.empty();
            collect(tx.c, caseId, items, id -> registered.contains(id) ? Optional.of(Kept.REGISTERED) : Optional.empty(),
                    id -> registeredCaptures.contains(id) ? Optional.of(Kept.REGISTERED) : Optional.empty(), Optional.empty(),
                    id -> keptJustifications.contains(id) ? withRecord : Optional.empty(),
                    id -> keptReviews.contains(id) ? withRecord : Optional.empty());
            items.add(new Item(Type.SUBJECT, subjectId, withRecord));
            items.add(new Item(Type.CASE, caseId, withRecord));
            Erasure erasure = new Erasure(subjectId, caseId, items);

            List<Long> goneCaptures = erased(erasure, Type.CAPTURE);
            ws.release(tx, goneCaptures, Optional.of(caseId));
            Db.update(tx.c, "DELETE FROM hit WHERE run_id IN (" + RUNS_OF_CASE + ")", caseId);
            Db.update(tx.c, "DELETE FROM search_run WHERE id IN (" + RUNS_OF_CASE + ")", caseId);
            deleteIds(tx.c, "note", erased(erasure, Type.NOTE));
            deleteIds(tx.c, "capture", goneCaptures);
            deleteIds(tx.c, "review", erased(erasure, Type.REVIEW));
            deleteIds(tx.c, "justification", erased(erasure, Type.JUSTIFICATION));
            if (!keepCase) {
                Db.update(tx.c, "DELETE FROM transparency_note WHERE case_id = ?", caseId);
                Db.update(tx.c, "DELETE FROM subject WHERE id = ?", subjectId);
                Db.update(tx.c, "DELETE FROM case_file WHERE id = ?", caseId);
            }
            String kept = erasure.kept().stream().filter(i -> i.kept().get() == Kept.REGISTERED)
                    .map(i -> i.type().name().toLowerCase() + ":" + i.id()).reduce((a, b) -> a + ", " + b).orElse("");
            tx.audit(user().id(), AuditAction.ERASED, Optional.of(caseId), "subject:" + subjectId,
                    (keepCase ? "erased from case " : "erased case ") + caseId + " with " + erasure.erased(Type.NOTE) + " notes, "
                            + erasure.erased(Type.CAPTURE) + " captures, " + erasure.erased(Type.SEARCH_RUN) + " searches, "
                            + erasure.erased(Type.HIT) + " hits, " + erasure.erased(Type.JUSTIFICATION) + " justifications"
                            + (keepCase ? "; kept as registered records: " + kept + ", with the case and subject" : "")
                            + "; reason: " + reason);
            if (keepCase) {
                erasure.items().stream().filter(Item::erased).forEach(i -> tx.changed(i.type(), i.id(), Optional.of(caseId), true));
                tx.changed(Type.PURGED, caseId, Optional.of(caseId), true);
            } else {
                tx.changed(Type.CASE, caseId, Optional.of(caseId), true);
            }
            tx.afterCommit(ws::sweep);
            return erasure;
        });
    }

    /** Every note, capture, search, hit, justification and review of the case, with what keeps each. */
    private static void collect(Connection c, long caseId, List<Item> items, Function<Long, Optional<Kept>> note,
            Function<Long, Optional<Kept>> capture, Optional<Kept> searches, Function<Long, Optional<Kept>> justification,
            Function<Long, Optional<Kept>> review) throws SQLException {
        add(items, Type.NOTE, Db.query(c, "SELECT id FROM note WHERE case_id = ? ORDER BY id", rs -> rs.getLong(1), caseId), note);
        add(items, Type.CAPTURE, Db.query(c, "SELECT id FROM capture WHERE case_id = ? ORDER BY id", rs -> rs.getLong(1), caseId),
                capture);
        add(items, Type.SEARCH_RUN, Db.query(c, RUNS_OF_CASE + " ORDER BY r.id", rs -> rs.getLong(1), caseId), id -> searches);
        add(items, Type.HIT, Db.query(c, HITS_OF_CASE, rs -> rs.getLong(1), caseId), id -> searches);
        add(items, Type.JUSTIFICATION, Db.query(c, "SELECT id FROM justification WHERE case_id = ? ORDER BY id",
                rs -> rs.getLong(1), caseId), justification);
        add(items, Type.REVIEW, Db.query(c, "SELECT r.id FROM review r JOIN justification j ON r.justification_id = j.id"
                + " WHERE j.case_id = ? ORDER BY r.id", rs -> rs.getLong(1), caseId), review);
    }

    private static void add(List<Item> items, Type type, List<Long> ids, Function<Long, Optional<Kept>> kept) {
        ids.forEach(id -> items.add(new Item(type, id, kept.apply(id))));
    }

    private static List<Long> erased(Erasure erasure, Type type) {
        return erasure.items().stream().filter(i -> i.type() == type && i.erased()).map(Item::id).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        return Db.one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** The first {@code limit} ids the query gives (none for a limit of 0). */
    private static List<Long> ids(Connection c, String sql, int limit, Object... args) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = limit;
        return Db.query(c, sql + " FETCH FIRST ? ROWS ONLY", rs -> rs.getLong(1), all);
    }

    private static void deleteIds(Connection c, String table, List<Long> ids) throws SQLException {
        for (List<Long> part : StoreWorkspace.chunks(ids)) {
            Db.update(c, "DELETE FROM " + table + " WHERE id IN " + Db.in(part.size()), part.toArray());
        }
    }

    /** "notes 5 [12, 15-18]": how many and which, as ranges of ids. */
    static String idList(String what, List<Long> ids) {
        StringBuilder s = new StringBuilder(what).append(' ').append(ids.size());
        if (ids.isEmpty()) {
            return s.toString();
        }
        s.append(" [");
        List<Long> sorted = ids.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            s.append(i == 0 ? "" : ", ").append(sorted.get(i));
            if (j > i) {
                s.append('-').append(sorted.get(j));
            }
            i = j;
        }
        return s.append(']').toString();
    }
}
