package org.insyn.security;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** Keys for each use (database file, blob store, index) derived from the master key with HKDF-SHA256. */
public final class KeyDerivation {
    public static final String DATABASE = "insyn/database";
    public static final String BLOBS = "insyn/blobs";
    public static final String INDEX = "insyn/index";

    private KeyDerivation() {
    }

    /** A 256-bit key for the purpose; different purposes give unrelated keys. */
    public static byte[] derive(byte[] masterKey, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(masterKey, null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }
}
