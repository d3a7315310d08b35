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

    /** Work outside the database that must follow only a committed transaction (removing blob files). */
    public void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    public Connection connection() {
        return c;
    }
}
