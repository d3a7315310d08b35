package org.insyn.core.service;

import java.util.List;
import java.util.Optional;

import org.insyn.core.model.AuditEntry;

/** R16: the append-only, hash-chained audit trail. Entries are written by the store with each action. */
public interface AuditTrail {

    /** Entries in order, optionally only those of one case, from a sequence number on, at most {@code limit}. */
    List<AuditEntry> entries(Optional<Long> caseId, long fromSeq, int limit);

    /** The last entry's sequence number and hash: export it, and later check the chain still leads to it. */
    ChainHead head();

    /** Walks the whole chain; with {@code expected}, also checks that it still contains that head. */
    VerifyReport verify(Optional<ChainHead> expected);

    record ChainHead(long seq, String hash) {
    }
}
