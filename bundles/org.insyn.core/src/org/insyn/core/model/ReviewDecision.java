package org.insyn.core.model;

public enum ReviewDecision {
    APPROVE, REJECT, COMMENT
}
