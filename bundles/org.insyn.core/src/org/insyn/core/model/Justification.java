package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R1: the individual assessment written before a search. Client searches belong to a case; outreach searches
 * (R8) may have none.
 */
public record Justification(long id, Optional<Long> caseId, String unitId, String authorId, ReasonCategory reason,
        String text, SearchMode mode, Instant created) {
    public Justification {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(created, "created");
    }
}
