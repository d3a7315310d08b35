package org.insyn.ui;

import org.insyn.core.model.Justification;
import org.insyn.core.service.SearchService;

/** The search the worker ran last, in the application context under {@link #KEY}: Results triage shows its hits. */
public record LastSearch(SearchService.Outcome outcome, Justification justification) {
    public static final String KEY = "org.insyn.ui.lastSearch";
}
