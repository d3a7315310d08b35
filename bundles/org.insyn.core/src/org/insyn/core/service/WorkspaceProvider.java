package org.insyn.core.service;

import org.insyn.core.model.User;

/**
 * Opens workspaces by signing a person in (R9); offered as an OSGi service by the store bundle. A new workspace is
 * made once, with its first administrator; from then on everyone signs in with their user name and password.
 */
public interface WorkspaceProvider {

    /** True when the directory holds no workspace yet: the first start then asks for the administrator. */
    boolean isNew(WorkspaceConfig config);

    /**
     * Makes the workspace (keys, database, blob store) with its first administrator and signs them in.
     *
     * @throws org.insyn.core.InsynException INVALID when a workspace is already there or the password is too short
     */
    Workspace create(WorkspaceConfig config, User administrator, char[] password);

    /**
     * Signs the person in and opens the workspace as them. Failed attempts are counted per account: after a few,
     * each further attempt must wait longer, and after ten the account locks until an administrator unlocks it.
     *
     * @throws org.insyn.core.InsynException INVALID for a wrong user name or password (or an attempt made too
     *                                       soon), LOCKED for a locked or disabled account, INTEGRITY when the
     *                                       account was changed outside Insyn, STORAGE when the store cannot be
     *                                       opened
     */
    Workspace signIn(WorkspaceConfig config, String userId, char[] password);
}
