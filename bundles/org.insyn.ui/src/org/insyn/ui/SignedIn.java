package org.insyn.ui;

import java.util.Optional;

import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;

/**
 * Who works in the workbench now and where: the opened workspace, the user's session, the role and unit chosen at
 * sign-in (from the user's own; an administrator may have no unit), and the workspace's search index when it could be opened. The sign-in puts it in
 * the application context under this class (and {@link Workspace}, {@link Session} and {@link SearchIndex} under
 * theirs); it is removed on sign-out, so parts inject it {@code @Optional}.
 */
public record SignedIn(Workspace workspace, Session session, User user, Role role, Optional<Unit> unit, Optional<SearchIndex> index,
        WorkspaceLocation location) {

    /** Where the workspace is (nothing secret): to show it, and to open it again on switching user. */
    public record WorkspaceLocation(java.nio.file.Path directory, Optional<String> postgresUrl, Optional<String> postgresUser) {
        public static WorkspaceLocation of(WorkspaceConfig config) {
            return new WorkspaceLocation(config.directory(), config.postgresUrl(), config.postgresUser());
        }
    }
}
