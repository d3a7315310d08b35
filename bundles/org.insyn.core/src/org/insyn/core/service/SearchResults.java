package org.insyn.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a search found: how many in all ({@code exact} false when it is a lower bound) and the best of them. */
public record SearchResults(long total, boolean exact, List<Found> found) {
    public SearchResults {
        found = List.copyOf(found);
    }

    /**
     * One item found. The snippet is HTML: the text escaped, the matching words in {@code <mark>...</mark>}.
     */
    public record Found(IndexedItem.Kind kind, long id, Optional<Long> caseId, String title, Optional<String> url,
            Instant date, float score, String snippet) {
    }
}
