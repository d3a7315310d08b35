package org.insyn.core.stats;

/** What a search came to, for statistics (R13). */
public enum SearchOutcome {
    /** At least one hit was triaged relevant. */
    FINDINGS,
    /** Hits came back; none was relevant. */
    NOTHING_RELEVANT,
    /** The search returned no hits. */
    NO_HITS,
    /** The policy refused the search (R1, R2, R4). */
    REFUSED
}
