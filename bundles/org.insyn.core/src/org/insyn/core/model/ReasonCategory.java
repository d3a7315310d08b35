package org.insyn.core.model;

/** Why a search is made (R1, 002 §4.2); statistics count searches per reason (R13). */
public enum ReasonCategory {
    /** Suspected incorrect information in an application for financial aid. */
    INCORRECT_INFORMATION,
    /** Concern for a child's home situation. */
    CHILD_WELFARE,
    /** The young person is known to be active online. */
    KNOWN_ONLINE,
    /** Outreach: seeking contact with people in need (R8). */
    OUTREACH_CONTACT,
    /** Another reason, said in the free text. */
    OTHER
}
