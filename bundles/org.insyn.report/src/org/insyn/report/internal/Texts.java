package org.insyn.report.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The report texts in Swedish or English ({@code texts.properties}), and dates written the Swedish way in both. */
final class Texts {
    private final Locale locale;
    private final ResourceBundle bundle;

    Texts(Locale locale) {
        this.locale = locale;
        bundle = ResourceBundle.getBundle("org.insyn.report.internal.texts", locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    /** The text; with arguments it is a {@link MessageFormat} pattern. */
    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    String enumText(String prefix, Enum<?> value) {
        return get(prefix + "." + value.name());
    }

    String utc(Instant at) {
        return DateTimeFormatter.ofPattern(get("datetime")).format(at.atZone(ZoneId.of("UTC")));
    }

    /** Time in the zone where it happened, with the zone's abbreviation and id: "2026-11-24 09:15:02 CET (Europe/Stockholm)". */
    String local(Instant at, String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        return DateTimeFormatter.ofPattern(get("datetime") + " zzz", locale).format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(get("date")).format(date);
    }
}
