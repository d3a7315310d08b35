package org.insyn.testing;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** The real services of a test runtime, as Declarative Services offers them once their bundles have started. */
public final class OsgiServices {
    /** Long enough for SCR on a busy machine; a service that is not there by then is missing. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private OsgiServices() {
    }

    /** Waits for a service of the type, failing the test when none is offered within {@link #TIMEOUT}. */
    public static <T> T service(Class<T> type) {
        return service(type, null, TIMEOUT);
    }

    /** Waits for a service of the type, failing the test when none is offered within the timeout. */
    public static <T> T service(Class<T> type, Duration timeout) {
        return service(type, null, timeout);
    }

    /** Waits for a service of the type that matches the LDAP filter (null: any), failing the test after the timeout. */
    public static <T> T service(Class<T> type, String filter, Duration timeout) {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<T, T> tracker;
        try {
            tracker = filter == null ? new ServiceTracker<>(context, type, null)
                    : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError("Declarative Services offered no " + type.getSimpleName()
                        + (filter == null ? "" : " matching " + filter) + " within " + timeout.toSeconds() + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }
}
