package org.insyn.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;

/**
 * A full-text search: the words ({@code "exact phrase"}, {@code prefix*}, {@code fuzzy~}, AND by default) and the
 * filters. An empty set of cases or kinds means no filter: callers pass the cases the worker may see.
 */
public record SearchQuery(String text, Set<Long> caseIds, Set<IndexedItem.Kind> kinds, Optional<Relevance> relevance,
        Optional<RecordClass> recordClass, Optional<Instant> from, Optional<Instant> to, Order order, int limit) {

    public enum Order {
        RELEVANCE, NEWEST_FIRST
    }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        caseIds = Set.copyOf(caseIds);
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** The words alone: no filter, best first, at most 50 results. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Order.RELEVANCE, 50);
    }

    public SearchQuery inCases(Set<Long> cases) {
        return new SearchQuery(text, cases, kinds, relevance, recordClass, from, to, order, limit);
    }

    public SearchQuery ofKinds(Set<IndexedItem.Kind> only) {
        return new SearchQuery(text, caseIds, only, relevance, recordClass, from, to, order, limit);
    }

    public SearchQuery withRelevance(Relevance only) {
        return new SearchQuery(text, caseIds, kinds, Optional.of(only), recordClass, from, to, order, limit);
    }

    public SearchQuery withRecordClass(RecordClass only) {
        return new SearchQuery(text, caseIds, kinds, relevance, Optional.of(only), from, to, order, limit);
    }

    /** Items dated from {@code start} (inclusive) to {@code end} (exclusive); either may be open. */
    public SearchQuery between(Optional<Instant> start, Optional<Instant> end) {
        return new SearchQuery(text, caseIds, kinds, relevance, recordClass, start, end, order, limit);
    }

    public SearchQuery sortedBy(Order by) {
        return new SearchQuery(text, caseIds, kinds, relevance, recordClass, from, to, by, limit);
    }

    public SearchQuery limit(int max) {
        return new SearchQuery(text, caseIds, kinds, relevance, recordClass, from, to, order, max);
    }
}
