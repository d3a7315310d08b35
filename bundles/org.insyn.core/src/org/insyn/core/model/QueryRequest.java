package org.insyn.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker asks to search for, before the query builder turns it into the query that runs (R6, R8). A
 * client search names the person; an outreach search names a topic and a place, never a person.
 */
public record QueryRequest(SearchMode mode, String name, Optional<String> city, Optional<String> district,
        List<String> extraTerms, boolean tooManyHits, String topic, Optional<String> place) {
    public QueryRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(district, "district");
        extraTerms = List.copyOf(extraTerms);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(place, "place");
    }

    /** R6: a client by full name, optionally with city and district. */
    public static QueryRequest client(String name, Optional<String> city, Optional<String> district) {
        return new QueryRequest(SearchMode.CLIENT, name, city, district, List.of(), false, "", Optional.empty());
    }

    /** R8: outreach by topic and place. */
    public static QueryRequest outreach(String topic, Optional<String> place) {
        return new QueryRequest(SearchMode.OUTREACH, "", Optional.empty(), Optional.empty(), List.of(), false, topic, place);
    }

    /** R6: further terms (interests, occupation, workplace), asked for because the plain search gave too many hits. */
    public QueryRequest narrowedBy(List<String> terms) {
        return new QueryRequest(mode, name, city, district, terms, true, topic, place);
    }
}
