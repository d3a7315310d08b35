package org.insyn.core.service;

/** Opens a workspace's search index; offered as an OSGi service by the index bundle. */
public interface SearchIndexProvider {
    /**
     * Opens the index kept in the workspace directory, encrypted with the workspace's index key (R9), for the person
     * signed in to the workspace: a search shows them only what they may see. When
     * it is missing, corrupt or out of step with the store it is rebuilt first, reporting progress. From then on it
     * follows the workspace's changes until it is closed. The index reads the store through
     * {@link Workspace#indexSource()}.
     */
    SearchIndex open(WorkspaceConfig config, Workspace workspace, SearchIndex.Progress progress);

    /**
     * R17: checks every file of the workspace's index against its checksum, without opening or rebuilding it: each
     * damaged file is a finding that says to run reindex. A missing index is none: it is built when next opened.
     */
    default java.util.List<VerifyReport.Problem> check(WorkspaceConfig config, Workspace workspace) {
        return java.util.List.of();
    }
}
