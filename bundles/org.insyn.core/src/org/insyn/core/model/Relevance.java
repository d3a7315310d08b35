package org.insyn.core.model;

/** R3: every hit is triaged. A hit triaged relevant is a finding; an irrelevant one is deleted. */
public enum Relevance {
    UNREVIEWED, RELEVANT, IRRELEVANT
}
