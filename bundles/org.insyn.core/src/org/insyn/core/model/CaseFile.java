package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A case (ärende): one matter about one client, held by a unit. */
public record CaseFile(long id, String unitId, String title, String ownerId, Instant opened, Optional<Instant> closed,
        boolean legalHold, boolean flagged) {
    public CaseFile {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(closed, "closed");
    }

    public boolean isOpen() {
        return closed.isEmpty();
    }
}
