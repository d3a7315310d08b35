package org.insyn.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One search as run: the built query, the sources asked, who ran it and under which justification. */
public record SearchRun(long id, long justificationId, String query, List<String> sources, String userId, Instant started,
        Optional<Instant> finished) {
    public SearchRun {
        Objects.requireNonNull(query, "query");
        sources = List.copyOf(sources);
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }
}
