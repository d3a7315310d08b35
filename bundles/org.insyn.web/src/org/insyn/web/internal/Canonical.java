package org.insyn.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The canonical form of a hit's address, so that the same page found by two sources is one hit: lower-case
 * scheme and host, no default port, no fragment, no tracking parameters.
 */
public final class Canonical {
    private Canonical() {
    }

    public static String url(String address) {
        try {
            URI u = new URI(address.strip()).normalize();
            if (u.getScheme() == null || u.getHost() == null) {
                return address.strip();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() == 80 && scheme.equals("http") || u.getPort() == 443 && scheme.equals("https") ? -1 : u.getPort();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String query = u.getRawQuery() == null ? "" : Arrays.stream(u.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining("&"));
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
                    + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return address.strip();
        }
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("msclkid")
                || name.equals("mc_cid") || name.equals("mc_eid");
    }
}
