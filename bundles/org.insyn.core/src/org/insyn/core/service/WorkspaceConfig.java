package org.insyn.core.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a workspace lives. People sign in to it with their own account (R9): the workspace's keys are wrapped per
 * account in the directory, so nothing here is secret. {@code postgresUrl}, when present, puts the database on a
 * shared PostgreSQL server (shared mode; blobs and index stay in {@code directory}). {@code postgresUser} and
 * {@code postgresPassword} are the first administrator's own database login, used only when the workspace is
 * created: afterwards every person connects with the login kept (wrapped) for their account. After
 * {@code idleLock} without a call the workspace locks and asks for the password again.
 */
public record WorkspaceConfig(Path directory, Optional<String> postgresUrl, Optional<String> postgresUser,
        Optional<char[]> postgresPassword, Duration idleLock) {
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(15);

    public WorkspaceConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(postgresUser, "postgresUser");
        Objects.requireNonNull(postgresPassword, "postgresPassword");
        if (idleLock.isNegative() || idleLock.isZero()) {
            throw new IllegalArgumentException("the idle lock must be positive: " + idleLock);
        }
    }

    /**
     * Where the workbench leaves the documents it made when no other place was chosen, named by case
     * ({@code letter-case-<case id>-<stamp>.pdf}): weeding and erasure of a case delete its files here, since they may
     * hold what was removed.
     */
    public Path exports() {
        return directory.resolve("exports");
    }

    /** R17: an administrator drops the certificates ({@code *.pem}) of the timestamp authorities the city trusts here. */
    public Path tsaAnchors() {
        return directory.resolve("tsa-anchors");
    }

    /** The embedded default: an encrypted H2 file database in the directory. */
    public static WorkspaceConfig embedded(Path directory) {
        return new WorkspaceConfig(directory, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_IDLE_LOCK);
    }

    /** Shared mode: the database on a PostgreSQL server ({@code jdbc:postgresql://…}, {@code currentSchema} chooses the schema). */
    public static WorkspaceConfig shared(Path directory, String postgresUrl, Optional<String> user, Optional<char[]> password) {
        return new WorkspaceConfig(directory, Optional.of(postgresUrl), user, password, DEFAULT_IDLE_LOCK);
    }

    public WorkspaceConfig withIdleLock(Duration idle) {
        return new WorkspaceConfig(directory, postgresUrl, postgresUser, postgresPassword, idle);
    }
}
