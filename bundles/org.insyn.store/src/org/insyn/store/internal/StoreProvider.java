package org.insyn.store.internal;

import java.io.IOException;
import java.nio.file.Files;

import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/** Opens workspaces: the keys from the passphrase, then the database and the blob store. Offered by DS. */
public final class StoreProvider implements WorkspaceProvider {

    @Override
    public Workspace open(WorkspaceConfig config) {
        try {
            Files.createDirectories(config.directory());
        } catch (IOException e) {
            throw EncryptedBlobStore.storage(e);
        }
        Keys keys = Keys.open(config.directory(), config.passphrase());
        Db db = Db.open(config, keys);
        StoreWorkspace ws = new StoreWorkspace(db, new EncryptedBlobStore(config.directory().resolve("blobs"), keys.blobKey()),
                config.exports());
        // finishes the file removals of deletions committed before a crash (R10, R14)
        ws.sweep();
        return ws;
    }
}
