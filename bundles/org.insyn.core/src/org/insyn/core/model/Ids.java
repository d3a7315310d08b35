package org.insyn.core.model;

/** Checks for the text identifiers of users and units. */
final class Ids {
    private Ids() {
    }

    static void require(String id, String what) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '.', '_' or '-': " + id);
        }
    }
}
