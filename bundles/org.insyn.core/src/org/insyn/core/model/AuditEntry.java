package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R16: one line of the append-only audit trail. {@code hash} is SHA-256 over the previous entry's hash and this
 * entry's fields, so any change, removal, insertion or reordering breaks the chain. {@code detail} never holds
 * the content of something deleted, only what kind of thing it was and why.
 */
public record AuditEntry(long seq, Instant at, String actorId, AuditAction action, Optional<Long> caseId, String target,
        String detail, String previousHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
