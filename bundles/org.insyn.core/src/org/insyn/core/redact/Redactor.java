package org.insyn.core.redact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.insyn.core.Messages;
import org.insyn.core.model.Subject;

/**
 * R12: scrubs personal details from free text before it leaves the product (reports, exports, copied text).
 * One redactor serves one export: it counts what it removed per category, so the export can say what was
 * redacted without repeating the values. Not thread-safe.
 */
public final class Redactor {
    private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_LETTER_AFTER = "(?![\\p{L}\\p{N}])";

    /** 10 or 12 digits; century, separator (-, + or none) and a space before the last four are tolerated. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![\\d-])((?:19|20)?)(\\d{2})(\\d{2})(\\d{2})(?:\\s?([-+])\\s?|\\s)?(\\d{4})(?![\\d-])");

    /** 0 or +46 (with an optional "(0)"), then 7 to 9 digits in groups split by at most one space or hyphen. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+46[ -]?(?:\\(0\\)[ -]?)?|0046[ -]?|\\(?0)\\d\\)?(?:[ -]?\\d){6,8}(?!\\d)");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.\\p{L}{2,}", Pattern.UNICODE_CHARACTER_CLASS);

    private static final String STREET_SUFFIX = "(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|allé|allén|backe|backen"
            + "|stigen|stig|leden|gången|kajen|strand|stranden|platsen|esplanaden|promenaden|höjden|liden|slingan)";

    /**
     * A street (one capitalised word with a Swedish street suffix, or a capitalised word and a suffix word such as
     * "Kungsholms strand") with its number, optional entrance letter, flat, floor and postcode; or a postcode with
     * its town on its own.
     */
    private static final Pattern ADDRESS = Pattern.compile(NOT_LETTER_BEFORE
            + "(?:\\p{Lu}\\p{L}*" + STREET_SUFFIX + "|\\p{Lu}\\p{L}+ \\p{L}*" + STREET_SUFFIX + ")"
            + " \\d{1,4}(?:(?:[A-Za-z]| [A-H])(?!\\p{L}))?(?:,? (?:lgh|lägenhet) \\d{4})?(?:,? \\d{1,2} ?tr)?"
            + "(?:,? \\d{3} ?\\d{2} \\p{Lu}\\p{Ll}+)?"
            + "|" + NOT_LETTER_BEFORE + "\\d{3} ?\\d{2} \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?");

    private final Set<PersonalDetail> categories;
    private final List<Literal> literals;
    private final Locale locale;
    private final Map<PersonalDetail, Integer> counts = new EnumMap<>(PersonalDetail.class);

    private record Literal(Pattern pattern, PersonalDetail category, int length) {
    }

    /** One detail found: where it is in the text and what kind it is. */
    public record Span(int start, int end, PersonalDetail category) {
    }

    /**
     * @param categories what to scrub (a subject access export keeps the subject's own details, for example)
     * @param names      names of the subject and relatives; each full name and each of its parts is scrubbed
     * @param terms      further terms a user asked to scrub, matched as whole words, any case
     * @param locale     language of the placeholders that replace what was scrubbed
     */
    public Redactor(Set<PersonalDetail> categories, Collection<String> names, Collection<String> terms, Locale locale) {
        this(categories, names, List.of(), terms, locale);
    }

    /**
     * @param keep names (and their parts) never scrubbed, e.g. the subject's own name in their subject access
     *             export, where a relative may share the surname
     */
    public Redactor(Set<PersonalDetail> categories, Collection<String> names, Collection<String> keep, Collection<String> terms, Locale locale) {
        this.categories = categories.isEmpty() ? EnumSet.noneOf(PersonalDetail.class) : EnumSet.copyOf(categories);
        this.locale = Objects.requireNonNull(locale, "locale");
        List<Literal> list = new ArrayList<>();
        Set<String> kept = nameForms(keep);
        for (String name : nameForms(names)) {
            if (kept.contains(name)) {
                continue;
            }
            // Names keep their case so that "Vilja" the name is scrubbed and "vilja" the verb is not; genitive s is part of it.
            list.add(new Literal(Pattern.compile(NOT_LETTER_BEFORE + Pattern.quote(name) + "s?" + NOT_LETTER_AFTER),
                    PersonalDetail.NAME, name.length()));
        }
        for (String term : terms) {
            if (!term.isBlank()) {
                list.add(new Literal(Pattern.compile(NOT_LETTER_BEFORE + Pattern.quote(term.strip()) + NOT_LETTER_AFTER,
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), PersonalDetail.TERM, term.strip().length()));
            }
        }
        // Longest first, so that "Lina Svensson" is one name, not "Lina" and "Svensson".
        list.sort(Comparator.comparingInt(Literal::length).reversed());
        this.literals = List.copyOf(list);
    }

    /** Every category: for reports and exports about a case. */
    public static Redactor forCase(Optional<Subject> subject, Collection<String> terms, Locale locale) {
        List<String> names = new ArrayList<>();
        subject.ifPresent(s -> {
            names.add(s.name());
            names.addAll(s.relatives());
        });
        return new Redactor(EnumSet.allOf(PersonalDetail.class), names, terms, locale);
    }

    private static Set<String> nameForms(Collection<String> names) {
        Set<String> forms = new LinkedHashSet<>();
        for (String name : names) {
            String n = name.strip().replaceAll("\\s+", " ");
            if (n.isEmpty()) {
                continue;
            }
            forms.add(n);
            for (String part : n.split("[ -]")) {
                if (part.length() > 1) {
                    forms.add(part);
                }
            }
        }
        return forms;
    }

    /** The text with each personal detail replaced by a placeholder naming its category. */
    public String scrub(String text) {
        List<Span> spans = find(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            out.append(text, at, s.start()).append(placeholder(s.category()));
            counts.merge(s.category(), 1, Integer::sum);
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** How many details of each category this redactor has removed so far (categories with none are left out). */
    public Map<PersonalDetail, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The placeholder text for a category in this redactor's language, e.g. "[personnummer]". */
    public String placeholder(PersonalDetail category) {
        return Messages.get(locale, "redacted." + category.name());
    }

    /** The details found, in text order and without overlaps (earlier categories of the search order win). */
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        if (categories.contains(PersonalDetail.PERSONNUMMER) || categories.contains(PersonalDetail.SAMORDNINGSNUMMER)) {
            Matcher m = ID_NUMBER.matcher(text);
            while (m.find()) {
                idNumber(m).filter(categories::contains).ifPresent(c -> spans.add(new Span(m.start(), m.end(), c)));
            }
        }
        add(spans, PersonalDetail.EMAIL, EMAIL, text);
        add(spans, PersonalDetail.PHONE, PHONE, text);
        add(spans, PersonalDetail.ADDRESS, ADDRESS, text);
        for (Literal l : literals) {
            add(spans, l.category(), l.pattern(), text);
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    private void add(List<Span> spans, PersonalDetail category, Pattern pattern, String text) {
        if (!categories.contains(category)) {
            return;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (spans.stream().noneMatch(s -> s.start() < end && start < s.end())) {
                spans.add(new Span(start, end, category));
            }
        }
    }

    /** A personnummer or samordningsnummer when the date exists and the Luhn check digit is right. */
    static Optional<PersonalDetail> idNumber(Matcher m) {
        String yy = m.group(2);
        String mm = m.group(3);
        String dd = m.group(4);
        String last = m.group(6);
        String separator = m.group(5);
        if (!luhn(yy + mm + dd + last)) {
            return Optional.empty();
        }
        int day = Integer.parseInt(dd);
        PersonalDetail kind = PersonalDetail.PERSONNUMMER;
        if (day > 60) {
            day -= 60;
            kind = PersonalDetail.SAMORDNINGSNUMMER;
        }
        String century = m.group(1);
        List<Integer> years = century.isEmpty()
                ? List.of(1900 + Integer.parseInt(yy), 2000 + Integer.parseInt(yy))
                : List.of(Integer.parseInt(century + yy));
        if (!century.isEmpty() && "+".equals(separator)) {
            return Optional.empty();
        }
        for (int year : years) {
            try {
                LocalDate.of(year, Integer.parseInt(mm), day);
                return Optional.of(kind);
            } catch (DateTimeException e) {
                // not a date in this century: try the other one
            }
        }
        return Optional.empty();
    }

    /** The Luhn check over the ten digits YYMMDDNNNC. */
    static boolean luhn(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }

    /** "personnummer 3, telefonnummer 2" in the redactor's language, for the report's summary. */
    public String summary() {
        return summary(counts, locale);
    }

    /** The counts of an export that was scrubbed (its {@code ReportResult}), said the same way. */
    public static String summary(Map<PersonalDetail, Integer> counts, Locale locale) {
        if (counts.isEmpty()) {
            return Messages.get(locale, "redacted.none");
        }
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> Messages.get(locale, "redacted.count." + e.getKey().name(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
