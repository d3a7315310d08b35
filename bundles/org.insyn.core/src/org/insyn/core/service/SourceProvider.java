package org.insyn.core.service;

import java.util.List;
import java.util.Optional;

import org.insyn.core.model.SourceKind;
import org.insyn.core.service.Session.HitDraft;

/** One public source a search can ask (a web search, blog search, video search, forum or feed), as a DS service. */
public interface SourceProvider {

    /** Stable id, recorded with each run and hit. */
    String id();

    /** The name a worker knows the source by. */
    String name();

    SourceKind kind();

    /** How long the source may take before the search gives up on it. */
    default java.time.Duration timeout() {
        return java.time.Duration.ofSeconds(20);
    }

    /** The day the service behind the source stops answering, when it has announced one. */
    default Optional<java.time.LocalDate> until() {
        return Optional.empty();
    }

    /** Why the source cannot be asked now (e.g. its API key is not set in the preferences), or empty when it can. */
    Optional<SourceException> unavailable();

    /**
     * Sends the query and returns the hits, at most up to the context's deadline.
     *
     * @throws SourceException when the source could not answer, with the reason
     */
    List<HitDraft> search(String query, SourceContext context) throws SourceException;
}
