package org.insyn.store.internal;

import org.insyn.core.service.BlobStore;

/** The store's blobs, in files or in the shared database: a blob's plain bytes after checking them against its name. */
public interface SealedBlobs extends BlobStore {

    /** The plain content, after checking the GCM tag and the SHA-256 of the content against the name (R17). */
    byte[] read(String sha256);
}
