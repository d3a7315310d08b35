package org.insyn.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * R14: everything held about one subject, read in one go and audited as a subject access: the subject and their case,
 * the transparency notes, justifications and reviews, the searches with the hits still held, the notes, the captures
 * and the case's audit entries.
 */
public record SubjectAccess(Subject subject, CaseFile caseFile, List<TransparencyNote> transparencyNotes, List<Justification> justifications,
        List<Review> reviews, List<SearchRun> searches, List<Hit> hits, List<Note> notes, List<Capture> captures, List<AuditEntry> audit,
        String generatedBy, Instant generated) {
    public SubjectAccess {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(caseFile, "caseFile");
        transparencyNotes = List.copyOf(transparencyNotes);
        justifications = List.copyOf(justifications);
        reviews = List.copyOf(reviews);
        searches = List.copyOf(searches);
        hits = List.copyOf(hits);
        notes = List.copyOf(notes);
        captures = List.copyOf(captures);
        audit = List.copyOf(audit);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generated, "generated");
    }

    /**
     * The same with every piece of free text passed through {@code text} (R12): relatives' names, city and district, the
     * case title, the texts of justifications, reviews and notes, queries, the titles, snippets and authors of hits and
     * the details of audit entries. Ids, times, hashes and URLs stay as they are: they are what the person can check and
     * ask about.
     */
    public SubjectAccess scrubbed(UnaryOperator<String> text) {
        Subject s = new Subject(subject.id(), subject.caseId(), text.apply(subject.name()), subject.relatives().stream().map(text).toList(),
                subject.city().map(text), subject.district().map(text));
        CaseFile c = new CaseFile(caseFile.id(), caseFile.unitId(), text.apply(caseFile.title()), caseFile.ownerId(), caseFile.opened(),
                caseFile.closed(), caseFile.legalHold(), caseFile.flagged());
        return new SubjectAccess(s, c, transparencyNotes,
                justifications.stream().map(j -> new Justification(j.id(), j.caseId(), j.unitId(), j.authorId(), j.reason(), text.apply(j.text()),
                        j.mode(), j.created())).toList(),
                reviews.stream().map(r -> new Review(r.id(), r.justificationId(), r.reviewerId(), r.decision(), text.apply(r.comment()), r.at()))
                        .toList(),
                searches.stream().map(r -> new SearchRun(r.id(), r.justificationId(), text.apply(r.query()), r.sources(), r.userId(), r.started(),
                        r.finished())).toList(),
                hits.stream().map(h -> new Hit(h.id(), h.runId(), h.source(), h.url(), text.apply(h.title()), text.apply(h.snippet()), h.published(),
                        h.author().map(text), h.relevance())).toList(),
                notes.stream().map(n -> new Note(n.id(), n.caseId(), n.authorId(), text.apply(n.text()), n.recordClass(), n.hitIds(), n.captureIds(),
                        n.created(), n.modified())).toList(),
                captures,
                audit.stream().map(a -> new AuditEntry(a.seq(), a.at(), a.actorId(), a.action(), a.caseId(), a.target(), text.apply(a.detail()),
                        a.previousHash(), a.hash())).toList(),
                generatedBy, generated);
    }
}
