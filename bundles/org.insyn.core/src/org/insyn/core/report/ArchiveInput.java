package org.insyn.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.insyn.core.model.Capture;

/**
 * R11: the yearly archive of the service's own social-media pages, one capture per page URL, and the pages that could
 * not be captured, each with the reason in words.
 */
public record ArchiveInput(int year, String serviceName, List<Capture> captures, List<Missed> missed, String generatedBy, Instant generatedAt,
        Locale locale) {
    public ArchiveInput {
        Objects.requireNonNull(serviceName, "serviceName");
        captures = List.copyOf(captures);
        missed = List.copyOf(missed);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(locale, "locale");
    }

    /** A page of the list that was not captured, and why. */
    public record Missed(String url, String reason) {
        public Missed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
