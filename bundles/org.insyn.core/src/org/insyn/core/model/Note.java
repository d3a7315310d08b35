package org.insyn.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A worker's note in a case, linked to findings and captures, classed for retention (R10). */
public record Note(long id, long caseId, String authorId, String text, RecordClass recordClass, List<Long> hitIds,
        List<Long> captureIds, Instant created, Instant modified) {
    public Note {
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(recordClass, "recordClass");
        hitIds = List.copyOf(hitIds);
        captureIds = List.copyOf(captureIds);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
    }
}
