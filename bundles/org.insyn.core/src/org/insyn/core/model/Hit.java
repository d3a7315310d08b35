package org.insyn.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One result of a search run, by canonical URL; a hit triaged {@link Relevance#RELEVANT} is a finding (R3, R5). */
public record Hit(long id, long runId, String source, String url, String title, String snippet, Optional<Instant> published,
        Optional<String> author, Relevance relevance) {
    public Hit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(relevance, "relevance");
    }

    public boolean isFinding() {
        return relevance == Relevance.RELEVANT;
    }
}
