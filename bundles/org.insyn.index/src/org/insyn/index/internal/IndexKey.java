package org.insyn.index.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * R9: the index key is derived from the workspace passphrase (never stored) and a random salt kept beside the
 * index, so the index opens with the same passphrase as the store and reveals nothing without it.
 */
public final class IndexKey {
    private static final int ITERATIONS = 210_000;

    private IndexKey() {
    }

    public static SecretKey derive(Path saltFile, char[] passphrase) throws IOException {
        byte[] salt;
        if (Files.exists(saltFile)) {
            salt = Files.readAllBytes(saltFile);
        } else {
            salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Files.createDirectories(saltFile.getParent());
            Files.write(saltFile, salt);
        }
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the index key", e);
        }
    }
}
