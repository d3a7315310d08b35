package org.insyn.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Note;
import org.insyn.core.service.IndexSource;
import org.insyn.core.service.StoreEvent;

/**
 * What the search index reads from the store, as the system rather than as a worker: one item after a change, and
 * every item, streamed row by row, for a rebuild.
 */
final class StoreIndexSource implements IndexSource {
    // A hit's case is its run's justification's case (none for outreach); the run's start is when it was found.
    private static final String HITS = "SELECT h.*, j.case_id AS hit_case, j.unit_id AS hit_unit, r.started AS found FROM hit h"
            + " JOIN search_run r ON h.run_id = r.id JOIN justification j ON r.justification_id = j.id";

    private static final int BATCH = 500;

    private final StoreWorkspace ws;

    StoreIndexSource(StoreWorkspace ws) {
        this.ws = ws;
    }

    @Override
    public Optional<Note> note(long id) {
        return ws.read(c -> Db.one(c, "SELECT * FROM note WHERE id = ?", StoreSession::noteRow, id));
    }

    @Override
    public Optional<CaseHit> hit(long id) {
        return ws.read(c -> Db.one(c, HITS + " WHERE h.id = ?", StoreIndexSource::caseHit, id));
    }

    @Override
    public Optional<Capture> capture(long id) {
        return ws.read(c -> Db.one(c, "SELECT * FROM capture WHERE id = ?", StoreSession::captureRow, id));
    }

    @Override
    public long count() {
        return ws.read(c -> Db.one(c, "SELECT (SELECT COUNT(*) FROM note) + (SELECT COUNT(*) FROM hit)"
                + " + (SELECT COUNT(*) FROM capture)", rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public void forEachNote(Consumer<Note> sink) {
        stream("SELECT * FROM note ORDER BY id", StoreSession::noteRow, sink);
    }

    @Override
    public void forEachHit(Consumer<CaseHit> sink) {
        stream(HITS + " ORDER BY h.id", StoreIndexSource::caseHit, sink);
    }

    @Override
    public void forEachCapture(Consumer<Capture> sink) {
        stream("SELECT * FROM capture ORDER BY id", StoreSession::captureRow, sink);
    }

    @Override
    public long changesSince(long seq, Consumer<List<StoreEvent>> sink) {
        long[] last = { seq };
        List<StoreEvent> batch = new ArrayList<>();
        stream("SELECT seq, kind, item_id, case_id, deleted FROM change_feed WHERE seq > " + seq + " ORDER BY seq", rs -> {
            last[0] = rs.getLong("seq");
            return new StoreEvent(StoreEvent.Type.valueOf(rs.getString("kind")), rs.getLong("item_id"),
                    Db.optLong(rs, "case_id"), rs.getBoolean("deleted"));
        }, e -> {
            batch.add(e);
            if (batch.size() == BATCH) {
                sink.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(List.copyOf(batch));
        }
        return last[0];
    }

    @Override
    public long position() {
        return ws.position();
    }

    private static CaseHit caseHit(ResultSet rs) throws SQLException {
        return new CaseHit(StoreSession.hitRow(rs), Db.optLong(rs, "hit_case"), rs.getString("hit_unit"), Db.instant(rs, "found"));
    }

    /** Hands the rows over one at a time, so a rebuild of a million notes never holds them all. */
    private <T> void stream(String sql, Db.RowMapper<T> mapper, Consumer<T> sink) {
        ws.read(c -> {
            // PostgreSQL streams with a fetch size only inside a transaction.
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // a long rebuild stops as soon as the workspace locks (R9)
                Db.stream(c, sql, mapper, row -> {
                    ws.requireUnlocked();
                    sink.accept(row);
                });
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        });
    }
}
