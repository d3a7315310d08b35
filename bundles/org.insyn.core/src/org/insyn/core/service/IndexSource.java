package org.insyn.core.service;

import java.time.Instant;
import java.util.List;
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

    /**
     * R3, R10, R14: the changes committed after change number {@code seq}, by whoever made them, in order and a batch
     * at a time, as far as the reader may see them (deletions always); returns the number of the last change read, or
     * {@code seq} when there was none. Lets an index that was closed meanwhile catch up without a rebuild.
     */
    default long changesSince(long seq, Consumer<List<StoreEvent>> sink) {
        return seq;
    }

    /** The number of the last change this workspace's listeners have been told of (every earlier one too). */
    default long position() {
        return 0;
    }

    /** A hit with the case and unit of its run's justification (no case for outreach) and when it was found. */
    record CaseHit(Hit hit, Optional<Long> caseId, String unitId, Instant found) {
    }
}
