package org.insyn.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;

/**
 * What the search index holds of one note, hit or capture: the text to find it by and the fields to filter on.
 * The index is derived data (the store is the truth), so an item is always made from what the store holds.
 */
public record IndexedItem(Kind kind, long id, Optional<Long> caseId, Optional<String> unitId, String title, String text,
        Optional<String> author,
        Optional<String> url, Optional<Relevance> relevance, Optional<RecordClass> recordClass, Instant date) {

    public enum Kind {
        NOTE, HIT, CAPTURE
    }

    public IndexedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(date, "date");
    }

    public static IndexedItem of(Note note) {
        return new IndexedItem(Kind.NOTE, note.id(), Optional.of(note.caseId()), Optional.empty(), "", note.text(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(note.recordClass()), note.modified());
    }

    /**
     * A hit knows its run, not its case: the caller says which case the run's justification belongs to, if any, and
     * its unit (an outreach hit has no case, and the people of its unit may find it, R9).
     */
    public static IndexedItem of(Hit hit, Optional<Long> caseId, String unitId, Instant found) {
        return new IndexedItem(Kind.HIT, hit.id(), caseId, Optional.of(unitId), hit.title(), hit.snippet(), hit.author(),
                Optional.of(hit.url()),
                Optional.of(hit.relevance()), Optional.empty(), hit.published().orElse(found));
    }

    /** A capture with the title and visible text of its captured page. */
    public static IndexedItem of(Capture capture, String pageTitle, String pageText) {
        return new IndexedItem(Kind.CAPTURE, capture.id(), Optional.of(capture.caseId()), Optional.empty(), pageTitle, pageText,
                Optional.empty(), Optional.of(capture.finalUrl()), Optional.empty(), Optional.of(capture.recordClass()),
                capture.capturedAt());
    }
}
