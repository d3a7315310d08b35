package org.insyn.core.stats;

import java.time.YearMonth;
import java.util.Objects;

import org.insyn.core.model.ReasonCategory;

/**
 * One search as statistics see it: no content, no person. {@code caseKey} tells searches of the same case apart
 * so that a cell counts cases, not searches (an outreach search with no case uses its justification).
 */
public record SearchFact(String unitId, ReasonCategory reason, SearchOutcome outcome, YearMonth month, String caseKey) {
    public SearchFact {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(caseKey, "caseKey");
    }
}
