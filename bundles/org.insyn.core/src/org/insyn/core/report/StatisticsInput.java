package org.insyn.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.insyn.core.stats.Table;

/** R13: suppressed statistics tables, as exported for supervisors. */
public record StatisticsInput(String title, List<Table> tables, int threshold, String generatedBy, Instant generatedAt, Locale locale) {
    public StatisticsInput {
        Objects.requireNonNull(title, "title");
        tables = List.copyOf(tables);
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(locale, "locale");
    }
}
