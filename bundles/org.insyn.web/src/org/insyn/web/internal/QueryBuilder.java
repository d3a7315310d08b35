package org.insyn.web.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.BuiltQuery.Warning;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.SearchMode;

/**
 * R6: a client is searched by full name in quotes, optionally with city and district, and with further terms
 * only when the plain search gave too many hits; a very common name gets a warning. R8: outreach is searched by
 * topic and place, never by a person's name.
 */
public final class QueryBuilder {
    private final Set<String> topSurnames = new HashSet<>();
    private final Set<String> surnames = new HashSet<>();
    private final Set<String> givenNames = new HashSet<>();

    public QueryBuilder() {
        try (InputStream in = QueryBuilder.class.getResourceAsStream("/names/common-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("names/common-names.txt is missing from the bundle");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#") && l.contains(":")).forEach(l -> {
                        String kind = l.substring(0, l.indexOf(':'));
                        for (String name : l.substring(l.indexOf(':') + 1).strip().split("\\s+")) {
                            String key = name.toLowerCase(Locale.ROOT);
                            switch (kind) {
                                case "surname-top" -> {
                                    topSurnames.add(key);
                                    surnames.add(key);
                                }
                                case "surname" -> surnames.add(key);
                                default -> givenNames.add(key);
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BuiltQuery build(QueryRequest r) {
        return r.mode() == SearchMode.CLIENT ? client(r) : outreach(r);
    }

    private BuiltQuery client(QueryRequest r) {
        String name = words(r.name());
        String[] parts = name.split(" ");
        if (parts.length < 2) {
            throw InsynException.invalid("query.nameNeeded");
        }
        if (!r.extraTerms().isEmpty() && !r.tooManyHits()) {
            throw InsynException.refused(Rule.R6, "query.extraTermsOnlyWhenTooMany");
        }
        List<String> terms = new ArrayList<>();
        terms.add(quoted(name));
        r.city().map(QueryBuilder::words).filter(s -> !s.isEmpty()).ifPresent(c -> terms.add(quoted(c)));
        r.district().map(QueryBuilder::words).filter(s -> !s.isEmpty()).ifPresent(d -> terms.add(quoted(d)));
        r.extraTerms().stream().map(QueryBuilder::words).filter(s -> !s.isEmpty()).map(QueryBuilder::phrase).forEach(terms::add);
        List<Warning> warnings = new ArrayList<>();
        String given = parts[0].toLowerCase(Locale.ROOT);
        String surname = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        if (topSurnames.contains(surname) || surnames.contains(surname) && givenNames.contains(given)) {
            warnings.add(new Warning("query.commonName", List.of(name)));
        }
        return new BuiltQuery(SearchMode.CLIENT, String.join(" ", terms), warnings);
    }

    private BuiltQuery outreach(QueryRequest r) {
        if (!words(r.name()).isEmpty()) {
            throw InsynException.refused(Rule.R8, "policy.outreachNotForClients");
        }
        String topic = words(r.topic());
        if (topic.isEmpty()) {
            throw InsynException.invalid("query.topicNeeded");
        }
        Optional<String> place = r.place().map(QueryBuilder::words).filter(p -> !p.isEmpty());
        String text = topic + place.map(p -> " " + quoted(p)).orElse("");
        List<Warning> warnings = place.isPresent() ? List.of() : List.of(new Warning("query.noPlace", List.of()));
        return new BuiltQuery(SearchMode.OUTREACH, text, warnings);
    }

    /** Single spaces, no quotes of the worker's own (the builder decides what is quoted). */
    private static String words(String s) {
        return s.replace("\"", " ").replace("\u201d", " ").replace("\u201c", " ").strip().replaceAll("\\s+", " ");
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String phrase(String s) {
        return s.contains(" ") ? quoted(s) : s;
    }
}
