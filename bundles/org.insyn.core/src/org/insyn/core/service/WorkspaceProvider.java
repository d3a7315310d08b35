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

    /**
     * Shared mode, once per workspace: moves the wrapped keys ({@code accounts.keys}) and the blobs of a shared folder
     * made before they lived in the database into the database, so that from then on a workstation needs only the
     * database's address. An administrator's task, audited; what was moved stays readable (the blobs move still
     * encrypted, each checked against its name), and the folder's key file is renamed so it is no longer used.
     *
     * @throws org.insyn.core.InsynException INVALID when the folder holds nothing to move, REFUSED for anyone but an
     *                                       administrator
     */
    default Moved moveIntoDatabase(WorkspaceConfig config, String userId, char[] password) {
        throw org.insyn.core.InsynException.invalid("store.nothingToMove", config.directory());
    }

    /** What {@link #moveIntoDatabase} moved. */
    record Moved(int accounts, int blobs) {
    }
}
