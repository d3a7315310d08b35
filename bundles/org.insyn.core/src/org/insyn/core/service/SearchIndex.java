package org.insyn.core.service;

/**
 * The full-text index of notes, hits and captured pages (Swedish and English). It is derived data: it follows the
 * store and can always be rebuilt from it. A change is visible to the next search as soon as the call returns.
 */
public interface SearchIndex extends AutoCloseable {

    /** @throws org.insyn.core.InsynException INVALID when the query cannot be read, with what to change */
    SearchResults search(SearchQuery query);

    /** How many items the index holds. */
    long size();

    /** Rebuilds the whole index from the store, reporting progress; returns how many items were indexed. */
    long reindex(Progress progress);

    /**
     * R3, R10, R14: rewrites the index files that still hold removed items, so that their text is gone from the
     * disk too and not only from search results. Weeding and erasure call it after deleting.
     */
    void expungeRemoved();

    @Override
    void close();

    /** Told how far a long job is. */
    @FunctionalInterface
    interface Progress {
        void worked(long done, long total);
    }
}
