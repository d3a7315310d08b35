package org.insyn.core.service;

import java.util.List;
import java.util.Map;

import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.Hit;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.SearchRun;

/** Builds queries (R6, R8) and runs them against the chosen sources in parallel. */
public interface SearchService {

    /** The query as it will be sent, with warnings, to show the worker before it runs. */
    BuiltQuery build(QueryRequest request);

    /** Every source offered now, by id. */
    List<SourceProvider> sources();

    /**
     * Asks the session first ({@link Session#startSearch}: policy and audit, R1, R2, R4, R8), so a refused search
     * sends nothing; then asks every chosen source in parallel, each within its own timeout, logs every request
     * to {@code log} (R15), and stores the hits of the run, one per canonical URL, as unreviewed.
     */
    Outcome search(Session session, NetworkLog log, long justificationId, BuiltQuery query, List<String> sourceIds,
            Listener listener);

    /** The run, its stored hits, and per source either its hit count or why it failed. */
    record Outcome(SearchRun run, List<Hit> hits, Map<String, SourceResult> sources) {
        public Outcome {
            hits = List.copyOf(hits);
            sources = Map.copyOf(sources);
        }
    }

    /** One source's part of a run: hits it returned (before de-duplication) or the reason it failed. */
    record SourceResult(String sourceId, int hits, java.util.Optional<SourceException> failure, long millis) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** Progress of a run, per source; called from the sources' threads. */
    interface Listener {
        default void started(String sourceId) {
        }

        default void page(String sourceId, int pages, int hits) {
        }

        default void finished(SourceResult result) {
        }

        /** Polled while the run goes on: true stops every source still running. */
        default boolean cancelled() {
            return false;
        }
    }
}
