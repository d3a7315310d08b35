package org.insyn.core.stats;

/**
 * What a search came to, for statistics (R13). Irrelevant hits are deleted (R3), so the store keeps how many hits a
 * search found to tell {@link #NOTHING_RELEVANT} from {@link #NO_HITS} afterwards.
 */
public enum SearchOutcome {
    /** At least one hit was triaged relevant. */
    FINDINGS,
    /** Hits came back; some are not triaged yet and none is relevant so far (R3). */
    UNTRIAGED,
    /** Hits came back; every one was triaged irrelevant. */
    NOTHING_RELEVANT,
    /** The search returned no hits. */
    NO_HITS,
    /** The policy refused the search (R1, R2, R4). */
    REFUSED
}
