package org.insyn.core.service;

import java.util.Optional;

/** A committed change: what kind of thing, which one, and whether it now exists or is gone. */
public record StoreEvent(Type type, long id, Optional<Long> caseId, boolean deleted) {
    public enum Type {
        CASE, SUBJECT, JUSTIFICATION, REVIEW, SEARCH_RUN, HIT, CAPTURE, NOTE,
        /**
         * R10, R14: weeding or an erasure has deleted items (each told before with its own event); what derived data
         * still holds of them on disk must go now, not only from results.
         */
        PURGED
    }
}
