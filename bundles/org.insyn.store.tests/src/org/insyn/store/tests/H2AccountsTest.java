package org.insyn.store.tests;

import java.nio.file.Path;

import org.insyn.core.service.WorkspaceConfig;

/** Accounts, sign-in and access control on the encrypted H2 file. */
class H2AccountsTest extends AccountsContract {

    @Override
    WorkspaceConfig config(Path directory) {
        return WorkspaceConfig.embedded(directory);
    }

    @Override
    boolean rowSecurity() {
        return false;
    }
}
