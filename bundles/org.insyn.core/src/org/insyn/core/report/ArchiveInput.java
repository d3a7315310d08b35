package org.insyn.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.insyn.core.model.Capture;

/** R11: the yearly archive of the service's own social-media pages, one capture per page URL. */
public record ArchiveInput(int year, String serviceName, List<Capture> captures, String generatedBy, Instant generatedAt, Locale locale) {
    public ArchiveInput {
        Objects.requireNonNull(serviceName, "serviceName");
        captures = List.copyOf(captures);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(locale, "locale");
    }
}
