package org.insyn.store.tests;

import java.nio.file.Path;

import org.insyn.core.service.WorkspaceConfig;

/** The retention suite on the encrypted H2 file. */
class H2RetentionTest extends RetentionContract {
    @Override
    WorkspaceConfig config(Path directory) {
        return WorkspaceConfig.embedded(directory);
    }

    @Override
    boolean rowSecurity() {
        return false;
    }
}
