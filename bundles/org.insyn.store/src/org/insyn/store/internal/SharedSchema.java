package org.insyn.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Shared mode: the PostgreSQL database and schema of a workspace and the names of its roles. Roles belong to the
 * whole server, so their names start with the database and schema; names PostgreSQL would shorten or fold get a
 * hash instead.
 */
record SharedSchema(String database, String schema) {
    private static final int MAX_NAME = 63;

    /** The group every person's login belongs to: it holds the grants the product needs. */
    String workers() {
        return role("workers");
    }

    /** The group of administrators' logins: they may also change accounts and units. */
    String admins() {
        return role("admins");
    }

    /** The group of the workstations' own login (in their JDBC address): it may only read wrapped keys. */
    String signIn() {
        return role("signin");
    }

    /** The login of one account. */
    String login(String userId) {
        return role("u_" + userId);
    }

    /** The LISTEN/NOTIFY channel on which the workspace's commits wake the change feeds of other processes. */
    String channel() {
        return role("changes");
    }

    Map<String, String> placeholders() {
        return Map.of("workers", workers(), "admins", admins(), "signin", signIn());
    }

    private String role(String suffix) {
        String wanted = database + "_" + schema + "_" + suffix;
        String plain = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (plain.equals(wanted) && plain.length() <= MAX_NAME) {
            return plain;
        }
        String hash = HexFormat.of().formatHex(AuditChain.sha256().digest(wanted.getBytes(StandardCharsets.UTF_8)), 0, 6);
        return plain.substring(0, Math.min(plain.length(), MAX_NAME - hash.length() - 1)) + "_" + hash;
    }

    /** A role name as a quoted SQL identifier (names are made here, never typed by a person). */
    static String quoted(String role) {
        return '"' + role.replace("\"", "\"\"") + '"';
    }
}
