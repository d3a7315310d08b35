package org.insyn.core.service;

/** Hears of committed changes to the store. */
@FunctionalInterface
public interface StoreListener {
    void changed(StoreEvent event);
}
