package org.insyn.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates sources give: ISO 8601, RFC 1123 (RSS), plain dates, a source's own pattern, or a forum board's date. */
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
                // case-insensitive: phpBB prints "pm" where Java's English form is "PM"
                DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.get())
                        .toFormatter(Locale.ENGLISH);
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
            return board(s);
        }
    }

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*([ap])\\.?\\s?m\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME24 = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::\\d{2})?");
    private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");
    private static final Pattern DAY = Pattern.compile("\\b(\\d{1,2})\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Month abbreviations of English and Swedish boards (phpBB's language packs translate "May" to "Maj", "Oct" to "Okt"). */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("maj", 5), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    /**
     * A forum's own date as a board prints it in its language, e.g. phpBB's default "Sun Nov 15, 2026 11:41 pm", the
     * Swedish pack's "Sön Nov 15, 2026 11:41 pm" or "15 nov 2026, 23:41": a month name, a day, a year and a time.
     */
    static Optional<Instant> board(String text) {
        String rest = text;
        int hour;
        int minute;
        Matcher t = TIME.matcher(rest);
        if (t.find()) {
            hour = Integer.parseInt(t.group(1)) % 12 + (t.group(3).equalsIgnoreCase("p") ? 12 : 0);
            minute = Integer.parseInt(t.group(2));
        } else {
            t = TIME24.matcher(rest);
            if (!t.find()) {
                return Optional.empty();
            }
            hour = Integer.parseInt(t.group(1));
            minute = Integer.parseInt(t.group(2));
        }
        rest = rest.substring(0, t.start()) + " " + rest.substring(t.end());
        Matcher y = YEAR.matcher(rest);
        if (!y.find()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(y.group(1));
        rest = rest.substring(0, y.start()) + " " + rest.substring(y.end());
        Integer month = null;
        for (Matcher w = WORD.matcher(rest); w.find() && month == null;) {
            String word = w.group().toLowerCase(Locale.ROOT);
            month = word.length() >= 3 ? MONTHS.get(word.substring(0, 3)) : null;
        }
        Matcher d = DAY.matcher(rest);
        if (month == null || !d.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, Integer.parseInt(d.group(1)), hour, minute).atZone(SWEDEN).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
