package org.insyn.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Reads the dates sources give: ISO 8601, RFC 1123 (RSS), plain dates, or a source's own pattern. */
final class Dates {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private Dates() {
    }

    static Optional<Instant> parse(String text, Optional<String> pattern) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (pattern.isPresent()) {
            try {
                DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.get(), Locale.ENGLISH);
                return Optional.of(LocalDateTime.parse(s, f).atZone(SWEDEN).toInstant());
            } catch (DateTimeParseException e) {
                // fall through to the standard forms
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s).atZone(SWEDEN).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay(SWEDEN).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
