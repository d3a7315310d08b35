package org.insyn.core.service;

import java.util.List;

/** Hears of committed changes to the store. */
@FunctionalInterface
public interface StoreListener {
    void changed(StoreEvent event);

    /** The changes of one transaction, in order; a listener may apply them together (one index commit for a batch). */
    default void changed(List<StoreEvent> events) {
        events.forEach(this::changed);
    }
}
