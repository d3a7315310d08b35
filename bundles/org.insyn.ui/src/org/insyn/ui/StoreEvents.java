package org.insyn.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.StoreListener;

/**
 * The event topic on which every committed change of the signed-in workspace is posted (a
 * {@link org.insyn.core.service.StoreEvent}), so that parts refresh what they show:
 * {@code @Inject @Optional void changed(@UIEventTopic(StoreEvents.TOPIC) StoreEvent e)} runs on the UI thread.
 */
public final class StoreEvents {
    public static final String TOPIC = "org/insyn/store/changed";

    private StoreEvents() {
    }

    /**
     * Posts the workspace's changes on the topic. Parts re-read what they show on an event, so of one transaction's
     * changes only the first of each kind, case and outcome is posted: weeding 400 items in a transaction wakes the UI
     * thread a few times, not 400.
     */
    public static StoreListener forwarder(IEventBroker broker) {
        return new StoreListener() {
            @Override
            public void changed(StoreEvent event) {
                broker.post(TOPIC, event);
            }

            @Override
            public void changed(List<StoreEvent> events) {
                Set<List<Object>> posted = new HashSet<>();
                for (StoreEvent e : events) {
                    if (posted.add(List.of(e.type(), e.caseId(), e.deleted()))) {
                        changed(e);
                    }
                }
            }
        };
    }
}
