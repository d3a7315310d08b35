package org.insyn.ui;

import java.util.Optional;

import org.insyn.core.model.Hit;

/**
 * The hit the worker looks at (chosen in Results triage, shown by the Browser), in the application context under
 * {@link #KEY}, with the justification and case of the search that found it: a capture of it is made under them.
 */
public record SelectedHit(Hit hit, long justificationId, Optional<Long> caseId) {
    public static final String KEY = "org.insyn.ui.selectedHit";
}
