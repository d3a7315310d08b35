package org.insyn.ui;

/**
 * The event topic on which every committed change of the signed-in workspace is posted (a
 * {@link org.insyn.core.service.StoreEvent}), so that parts refresh what they show:
 * {@code @Inject @Optional void changed(@UIEventTopic(StoreEvents.TOPIC) StoreEvent e)} runs on the UI thread.
 */
public final class StoreEvents {
    public static final String TOPIC = "org/insyn/store/changed";

    private StoreEvents() {
    }
}
