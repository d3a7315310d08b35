package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;

/** R2: a supervisor's approval, rejection or comment on a justification. */
public record Review(long id, long justificationId, String reviewerId, ReviewDecision decision, String comment, Instant at) {
    public Review {
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
    }
}
