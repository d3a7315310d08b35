package org.insyn.capture.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R15: the hosts of third-party tracking services (analytics, advertising, social pixels, session recording).
 * A request to one of them, or to a subdomain, is blocked when it is third-party to the captured page.
 */
final class Trackers {
    private final Set<String> domains;

    Trackers(Set<String> domains) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The list shipped in the bundle (trackers.txt: one domain a line, # comments). */
    static Trackers builtIn() {
        try (InputStream in = Trackers.class.getResourceAsStream("trackers.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new Trackers(r.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean blocks(URI request, URI page) {
        String host = host(request);
        if (host.isEmpty() || site(host).equals(site(host(page)))) {
            return false;
        }
        for (String h = host; !h.isEmpty(); h = h.indexOf('.') < 0 ? "" : h.substring(h.indexOf('.') + 1)) {
            if (domains.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The registrable part, approximated by the last two labels; an IP address is its own site. */
    static String site(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host;
        }
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
