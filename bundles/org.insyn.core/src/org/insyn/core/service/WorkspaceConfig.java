package org.insyn.core.service;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workspace lives and how to open it. The passphrase unlocks the encrypted H2 file and blob store
 * (R9) and is never stored; {@code postgresUrl}, when present, puts the database on a shared PostgreSQL
 * server instead (blobs and index stay in {@code directory}).
 */
public record WorkspaceConfig(Path directory, char[] passphrase, Optional<String> postgresUrl, Optional<String> postgresUser,
        Optional<char[]> postgresPassword) {
    public WorkspaceConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(postgresUser, "postgresUser");
        Objects.requireNonNull(postgresPassword, "postgresPassword");
    }

    /**
     * Where the product keeps files it exported from a case, one folder per case id ({@code exports/<case id>/}).
     * Derived data: weeding and erasure empty a case's folder, since a cached export may hold what they removed.
     */
    public Path exports() {
        return directory.resolve("exports");
    }

    /** The embedded default: an encrypted H2 file database in the directory. */
    public static WorkspaceConfig embedded(Path directory, char[] passphrase) {
        return new WorkspaceConfig(directory, passphrase, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
