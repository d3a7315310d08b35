package org.insyn.core.service;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Note;

/**
 * What the store offers the search index: the current state of one item after a change, and every item for a
 * rebuild. Read as the system, not as a worker: searches filter by the cases the worker may see.
 */
public interface IndexSource {

    Optional<Note> note(long id);

    Optional<CaseHit> hit(long id);

    Optional<Capture> capture(long id);

    /** How many notes, hits and captures the store holds. */
    long count();

    void forEachNote(Consumer<Note> sink);

    void forEachHit(Consumer<CaseHit> sink);

    void forEachCapture(Consumer<Capture> sink);

    /** A hit with the case and unit of its run's justification (no case for outreach) and when it was found. */
    record CaseHit(Hit hit, Optional<Long> caseId, String unitId, Instant found) {
    }
}
