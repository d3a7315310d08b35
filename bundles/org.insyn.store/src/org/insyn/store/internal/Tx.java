package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.service.StoreEvent;

/**
 * One writing transaction. It starts by locking the chain head, so writers take turns and two of them can never
 * append to the same head (the chain cannot fork); the action and its audit entry commit or roll back together.
 */
public final class Tx {
    final Connection c;
    final List<StoreEvent> events = new ArrayList<>();
    final List<Runnable> afterCommit = new ArrayList<>();
    /** The number of this transaction's last change on the change feed, once published. */
    long lastChange;
    private long headSeq;
    private String headHash;

    Tx(Connection c) throws SQLException {
        this.c = c;
        Db.one(c, "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE", rs -> {
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
            return Boolean.TRUE;
        }).orElseThrow(() -> new SQLException("audit head row missing"));
    }

    /** R16: appends the entry for what this transaction does. */
    public AuditEntry audit(String actorId, AuditAction action, Optional<Long> caseId, String target, String detail)
            throws SQLException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long seq = headSeq + 1;
        String hash = AuditChain.hash(headHash, at, actorId, action, caseId, target, detail);
        Db.update(c, "INSERT INTO audit (seq, at_ms, actor_id, action, case_id, target, detail, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, actorId, action, caseId, target, detail, headHash, hash);
        Db.update(c, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
        AuditEntry entry = new AuditEntry(seq, at, actorId, action, caseId, target, detail, headHash, hash);
        headSeq = seq;
        headHash = hash;
        return entry;
    }

    public void changed(StoreEvent.Type type, long id, Optional<Long> caseId, boolean deleted) {
        events.add(new StoreEvent(type, id, caseId, deleted));
    }

    /**
     * Puts the transaction's changes on the change feed, in the same transaction, and on PostgreSQL wakes the other
     * processes' listeners once it commits (NOTIFY is delivered at commit). Runs with the chain head locked, so the
     * feed's numbers grow in commit order.
     */
    void publish(String origin, Optional<String> channel) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        Db.batch(c, "INSERT INTO change_feed (kind, item_id, case_id, deleted, origin, at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] { e.type(), e.id(), e.caseId(), e.deleted(), origin, now }).toList());
        lastChange = Db.one(c, "SELECT MAX(seq) FROM change_feed", rs -> rs.getLong(1)).orElse(0L);
        if (channel.isPresent()) {
            Db.one(c, "SELECT pg_notify(?, '')", rs -> Boolean.TRUE, channel.get());
        }
    }

    /** Work outside the database that must follow only a committed transaction (removing blob files). */
    public void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    public Connection connection() {
        return c;
    }
}
