package org.insyn.core.model;

import java.util.Objects;
import java.util.Set;

/** A person who works in Insyn, with roles and the units they belong to. */
public record User(String id, String displayName, Set<Role> roles, Set<String> unitIds, boolean enabled) {
    public User {
        Ids.require(id, "user id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        unitIds = Set.copyOf(unitIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String unitId) {
        return unitIds.contains(unitId);
    }
}
