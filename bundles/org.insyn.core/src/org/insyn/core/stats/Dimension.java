package org.insyn.core.stats;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.insyn.core.model.ReasonCategory;

/** What a statistics table is split by. */
public enum Dimension {
    UNIT(SearchFact::unitId), REASON(f -> f.reason().name()), OUTCOME(f -> f.outcome().name()), MONTH(f -> f.month().toString());

    private final Function<SearchFact, String> key;

    Dimension(Function<SearchFact, String> key) {
        this.key = key;
    }

    public String key(SearchFact fact) {
        return key.apply(fact);
    }

    /** The keys a table shows: every value of a closed set, otherwise those that occur, sorted. */
    List<String> keys(Collection<SearchFact> facts) {
        return switch (this) {
            case REASON -> Arrays.stream(ReasonCategory.values()).map(Enum::name).toList();
            case OUTCOME -> Arrays.stream(SearchOutcome.values()).map(Enum::name).toList();
            default -> facts.stream().map(this::key).distinct().sorted().toList();
        };
    }
}
