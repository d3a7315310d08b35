package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * R10, R14: a case kept whole whatever its retention schedule says (a court case, a complaint, an inquiry): nothing in
 * it is weeded or erased until the hold is lifted. Who placed it, when and why is also on the audit trail.
 */
public record LegalHold(long caseId, String reason, String placedBy, Instant placedAt) {
    public LegalHold {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}
