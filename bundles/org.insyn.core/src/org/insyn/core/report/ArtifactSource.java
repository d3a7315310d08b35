package org.insyn.core.report;

import java.io.InputStream;

/** Where a report reads the bytes of a capture's artifacts by SHA-256: the workspace's {@code BlobStore::open}. */
@FunctionalInterface
public interface ArtifactSource {
    InputStream open(String sha256);
}
