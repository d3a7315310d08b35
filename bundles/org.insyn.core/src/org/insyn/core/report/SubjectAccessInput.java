package org.insyn.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.insyn.core.model.SubjectAccess;

/**
 * R14: the subject access export: everything held about the subject (from {@code Session.subjectAccess}), and further
 * terms the worker asks to scrub after a secrecy review (R12).
 */
public record SubjectAccessInput(SubjectAccess held, List<String> redactTerms, Locale locale) {
    public SubjectAccessInput {
        Objects.requireNonNull(held, "held");
        redactTerms = List.copyOf(redactTerms);
        Objects.requireNonNull(locale, "locale");
    }
}
