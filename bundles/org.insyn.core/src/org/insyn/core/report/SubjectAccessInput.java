package org.insyn.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.Review;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;

/** R14: everything held about one subject, and the same as JSON (from {@code Session.subjectAccess}). */
public record SubjectAccessInput(CaseFile caseFile, Subject subject, Optional<TransparencyNote> transparencyNote,
        List<Justification> justifications, List<Review> reviews, List<Hit> hits, List<Capture> captures, List<Note> notes,
        List<AuditEntry> audit, String json, String generatedBy, Instant generatedAt, Locale locale) {
    public SubjectAccessInput {
        Objects.requireNonNull(caseFile, "caseFile");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(transparencyNote, "transparencyNote");
        justifications = List.copyOf(justifications);
        reviews = List.copyOf(reviews);
        hits = List.copyOf(hits);
        captures = List.copyOf(captures);
        notes = List.copyOf(notes);
        audit = List.copyOf(audit);
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(locale, "locale");
    }
}
