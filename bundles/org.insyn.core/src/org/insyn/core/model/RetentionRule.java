package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R10: how long material of one record class of a unit is kept after its case closes. Only minor-importance material
 * ever has a period; without one nothing of it is weeded, because material may be weeded only when the unit's handling
 * instructions say so (002 §3.4). Registered records and client-file material are never weeded by the product.
 */
public record RetentionRule(String unitId, RecordClass recordClass, Optional<Integer> daysAfterClosing,
        Optional<String> changedBy, Optional<Instant> changed) {
    public RetentionRule {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(daysAfterClosing, "daysAfterClosing");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changed, "changed");
    }

    /** True when material of this rule is weeded at all. */
    public boolean weeds() {
        return recordClass.mayBeWeeded() && daysAfterClosing.isPresent();
    }
}
