package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.insyn.app.Cli;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The real services of the test runtime, offered by their bundles through Declarative Services. */
final class Services {
    private Services() {
    }

    /** Waits for the service, failing the test when DS does not offer it in time. */
    static <T> T await(Class<T> type, long timeoutMs) {
        BundleContext context = FrameworkUtil.getBundle(Cli.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeoutMs);
            assertNotNull(service, "DS offers " + type.getSimpleName());
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
