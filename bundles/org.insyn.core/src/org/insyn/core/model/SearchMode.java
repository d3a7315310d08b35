package org.insyn.core.model;

/** What a search is about. */
public enum SearchMode {
    /** About a named client of a case: needs a transparency note (R4). */
    CLIENT,
    /** By topic and place, no named client: no transparency note (R8). */
    OUTREACH
}
