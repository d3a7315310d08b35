package org.insyn.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client a case is about, with the names of relatives: both are searched for (R6) and scrubbed from
 * anything that leaves the product (R12).
 */
public record Subject(long id, long caseId, String name, List<String> relatives, Optional<String> city,
        Optional<String> district) {
    public Subject {
        Objects.requireNonNull(name, "name");
        relatives = List.copyOf(relatives);
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(district, "district");
    }
}
