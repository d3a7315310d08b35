package org.insyn.core.service;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.insyn.core.model.NetworkRequest;

/**
 * Whether a source works with the settings it has, found by one harmless query (a place name, never a person) and
 * only its first result page; every request goes to the network log like a search's (R15), nothing is stored.
 */
public final class SourceCheck {
    /** The query a check sends: a place, so no person is searched for. */
    public static final String QUERY = "Stockholm";

    /** What a check found. */
    public enum Status {
        WORKS, KEY_MISSING, KEY_REFUSED, QUOTA, UNREACHABLE, OTHER
    }

    /** The status and, unless it works, the source's own words for it. */
    public record Result(String sourceId, Status status, Optional<SourceException> problem) {
    }

    private SourceCheck() {
    }

    public static Result check(SourceProvider source, String userId, Consumer<NetworkRequest> log) {
        Optional<SourceException> unavailable = source.unavailable();
        if (unavailable.isPresent()) {
            return new Result(source.id(), Status.KEY_MISSING, unavailable);
        }
        AtomicBoolean read = new AtomicBoolean();
        // stop after the first page: one request is enough to know
        SourceContext context = new SourceContext(userId, Optional.empty(), Instant.now().plus(source.timeout()), log, read::get,
                (pages, hits) -> read.set(true));
        try {
            source.search(QUERY, context);
            return new Result(source.id(), Status.WORKS, Optional.empty());
        } catch (SourceException e) {
            Status status = status(e, read.get());
            return new Result(source.id(), status, status == Status.WORKS ? Optional.empty() : Optional.of(e));
        }
    }

    private static Status status(SourceException e, boolean pageRead) {
        return switch (e.key()) {
            case "source.cancelled" -> pageRead ? Status.WORKS : Status.OTHER;
            case "source.keyRefused" -> Status.KEY_REFUSED;
            case "source.quota", "source.busy" -> Status.QUOTA;
            case "source.missingSetting", "source.noBackend", "source.ended" -> Status.KEY_MISSING;
            case "source.network", "source.timeout", "source.robots", "source.redirects" -> Status.UNREACHABLE;
            default -> Status.OTHER;
        };
    }
}
