package org.insyn.core.service;

import java.io.InputStream;
import java.util.List;

/**
 * Content-addressed storage of the bytes of captures (R9, R17): each blob is named by the SHA-256 of its
 * content, encrypted at rest, written atomically and verified on read.
 */
public interface BlobStore {

    /** Stores the bytes (once, however often they are put) and returns their SHA-256 in lower-case hex. */
    String put(InputStream content);

    /** The content, decrypted; reading to the end throws INTEGRITY if it no longer matches its hash. */
    InputStream open(String sha256);

    boolean exists(String sha256);

    /** Removes the blob; true if it was there. */
    boolean delete(String sha256);

    /** Every stored blob's hash. */
    List<String> list();
}
