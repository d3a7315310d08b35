package org.insyn.core.service;

/** Opens workspaces; offered as an OSGi service by the store bundle. */
public interface WorkspaceProvider {
    /**
     * Opens (creating and migrating when new) the workspace.
     *
     * @throws org.insyn.core.InsynException INVALID for a wrong passphrase, STORAGE when the store cannot be opened
     */
    Workspace open(WorkspaceConfig config);
}
