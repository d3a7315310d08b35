package org.insyn.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;

/**
 * R9: the keys of a workspace, derived from the passphrase with PBKDF2 and a random salt kept in the workspace.
 * The workspace keeps only the salt and a check value (an HMAC made with the derived key), never the passphrase
 * or a key, so a wrong passphrase is told apart from a damaged store.
 */
public record Keys(String databasePassword, SecretKeySpec blobKey) {

    static final String FILE = "insyn-keys.properties";
    private static final int ITERATIONS = 200_000;

    /** Derives the keys; for a new workspace creates its salt. Throws INVALID for a passphrase that does not fit. */
    public static Keys open(Path directory, char[] passphrase) {
        if (passphrase.length == 0) {
            throw new InsynException(InsynException.Kind.INVALID, Optional.of(Rule.R9), "store.noPassphrase");
        }
        Path file = directory.resolve(FILE);
        try {
            Properties p = new Properties();
            boolean created = !Files.exists(file);
            if (created) {
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                p.setProperty("salt", HexFormat.of().formatHex(salt));
                p.setProperty("iterations", Integer.toString(ITERATIONS));
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            byte[] derived = derive(passphrase, HexFormat.of().parseHex(p.getProperty("salt")),
                    Integer.parseInt(p.getProperty("iterations")));
            Keys keys = new Keys(HexFormat.of().formatHex(derived, 0, 32),
                    new SecretKeySpec(Arrays.copyOfRange(derived, 32, 64), "AES"));
            String check = keys.check();
            if (created) {
                p.setProperty("check", check);
                Path tmp = directory.resolve(FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "Insyn workspace: key derivation salt and check value (no key, no passphrase)");
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else if (!MessageDigest.isEqual(check.getBytes(), p.getProperty("check", "").getBytes())) {
                throw new InsynException(InsynException.Kind.INVALID, Optional.of(Rule.R9), "store.wrongPassphrase");
            }
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof InsynException ie) {
                throw ie;
            }
            throw new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.failed", e.toString());
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 512);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private String check() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(blobKey);
        mac.update(databasePassword.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal("insyn key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
