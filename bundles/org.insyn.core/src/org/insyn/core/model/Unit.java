package org.insyn.core.model;

import java.util.Objects;

/** An organisational unit (enhet), e.g. a district's child and youth unit. */
public record Unit(String id, String name, ReviewPolicy reviewPolicy) {
    public Unit {
        Ids.require(id, "unit id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reviewPolicy, "reviewPolicy");
    }
}
