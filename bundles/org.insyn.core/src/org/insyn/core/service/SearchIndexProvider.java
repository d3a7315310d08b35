package org.insyn.core.service;

/** Opens a workspace's search index; offered as an OSGi service by the index bundle. */
public interface SearchIndexProvider {
    /**
     * Opens the index kept in the workspace directory, encrypted with a key derived from the passphrase (R9). When
     * it is missing, corrupt or out of step with the store it is rebuilt first, reporting progress. From then on it
     * follows the workspace's changes until it is closed. The index reads the store through
     * {@link Workspace#indexSource()}.
     */
    SearchIndex open(WorkspaceConfig config, Workspace workspace, SearchIndex.Progress progress);
}
