package org.insyn.core.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.Review;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;

/**
 * R11: what goes into an evidence report for the client file or the register: a case, or a selection of its
 * findings ({@code captures}), with the justifications and reviews behind them. {@code redactTerms} are further
 * terms the worker asked to scrub (R12).
 */
public record EvidenceInput(CaseFile caseFile, Unit unit, Optional<Subject> subject, List<Justification> justifications,
        Map<Long, List<Review>> reviews, Optional<TransparencyNote> transparencyNote, List<Capture> captures, List<Note> notes,
        List<String> redactTerms, String generatedBy, Instant generatedAt, Locale locale) {
    public EvidenceInput {
        Objects.requireNonNull(caseFile, "caseFile");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(subject, "subject");
        justifications = List.copyOf(justifications);
        reviews = Map.copyOf(reviews);
        Objects.requireNonNull(transparencyNote, "transparencyNote");
        captures = List.copyOf(captures);
        notes = List.copyOf(notes);
        redactTerms = List.copyOf(redactTerms);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * The evidence report of a case as the store holds it, made by the session's user: every capture of the case,
     * or only those in {@code captureIds}, with all the case's justifications, their reviews and the notes.
     */
    public static EvidenceInput from(Workspace workspace, Session session, long caseId, List<Long> captureIds, List<String> redactTerms,
            Instant at, Locale locale) {
        CaseFile caseFile = session.caseFile(caseId);
        Unit unit = workspace.units().stream().filter(u -> u.id().equals(caseFile.unitId())).findFirst()
                .orElseThrow(() -> InsynException.notFound("unit", caseFile.unitId()));
        List<Justification> justifications = session.justifications(Optional.of(caseId));
        Map<Long, List<Review>> reviews = new LinkedHashMap<>();
        justifications.forEach(j -> reviews.put(j.id(), session.reviews(j.id())));
        List<Capture> captures = session.captures(caseId).stream().filter(c -> captureIds.isEmpty() || captureIds.contains(c.id())).toList();
        for (long id : captureIds) {
            if (captures.stream().noneMatch(c -> c.id() == id)) {
                throw InsynException.invalid("report.captureNotInCase", id, caseId);
            }
        }
        return new EvidenceInput(caseFile, unit, session.subject(caseId), justifications, reviews, session.transparencyNote(caseId), captures,
                session.notes(caseId), redactTerms, session.user().id(), at, locale);
    }
}
