package org.insyn.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
        try {
            if (pattern.isPresent()) {
                DateTimeFormatter f = PATTERNS.computeIfAbsent(pattern.get(), p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH));
                if (fits(f, s)) {
                    return Optional.of(LocalDateTime.parse(s, f).atZone(SWEDEN).toInstant());
                }
            }
            // Each form is tried without an exception first: a page of hits would otherwise throw a few per hit.
            if (fits(DateTimeFormatter.ISO_OFFSET_DATE_TIME, s)) {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            }
            if (fits(DateTimeFormatter.RFC_1123_DATE_TIME, s)) {
                return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            }
            if (fits(DateTimeFormatter.ISO_LOCAL_DATE_TIME, s)) {
                return Optional.of(LocalDateTime.parse(s).atZone(SWEDEN).toInstant());
            }
            String day = s.length() > 10 ? s.substring(0, 10) : s;
            return fits(DateTimeFormatter.ISO_LOCAL_DATE, day) ? Optional.of(LocalDate.parse(day).atStartOfDay(SWEDEN).toInstant())
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            // the text has the form but not a real date (a 31 April): no date rather than a wrong one
            return Optional.empty();
        }
    }

    private static final Map<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();

    /** Whether the whole text has the form of the formatter (not yet whether it is a real date). */
    private static boolean fits(DateTimeFormatter f, String s) {
        ParsePosition at = new ParsePosition(0);
        return f.parseUnresolved(s, at) != null && at.getErrorIndex() < 0 && at.getIndex() == s.length();
    }
}
