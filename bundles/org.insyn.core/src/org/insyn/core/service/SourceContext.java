package org.insyn.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.insyn.core.model.NetworkRequest;

/**
 * What a source needs to know while it searches: who asks and for which run (every request is logged with
 * them, R15), when it must give up, whether the worker cancelled, and where to report progress. {@code log} is usually a {@link NetworkLog}'s record method.
 */
public record SourceContext(String userId, Optional<Long> runId, Instant deadline, Consumer<NetworkRequest> log, BooleanSupplier cancelled,
        Progress progress) {
    public SourceContext {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(progress, "progress");
    }

    /** Told after each result page a source has read, with the number of hits so far. */
    @FunctionalInterface
    public interface Progress {
        void page(int pages, int hits);
    }
}
