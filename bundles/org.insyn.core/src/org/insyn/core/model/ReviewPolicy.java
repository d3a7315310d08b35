package org.insyn.core.model;

/** A unit's rule for when a search may run relative to the supervisor's review (R2). */
public enum ReviewPolicy {
    /** The search runs only after a supervisor approved the justification. */
    BEFORE,
    /** The search may run at once; a rejection afterwards is flagged on the case. */
    AFTER
}
