package org.insyn.ui;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * OSGi services the workbench needs before e4 can inject them (at sign-in), waited for while Declarative Services
 * starts them. The trackers stay open: closing one would release the service and let DS deactivate it.
 */
public final class Services {
    private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new ConcurrentHashMap<>();

    private Services() {
    }

    public static <T> Optional<T> await(Class<T> type, Duration timeout) {
        @SuppressWarnings("unchecked")
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type, t -> {
            BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
            ServiceTracker<T, T> opened = new ServiceTracker<>(context, type, null);
            opened.open();
            return opened;
        });
        try {
            return Optional.ofNullable(tracker.waitForService(timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
