package org.insyn.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The workspace master key wrapped for one account (R9): AES-256-GCM under a key derived from the account's
 * password with Argon2id. The password itself is never stored; a wrong password fails the GCM tag. A password
 * change re-wraps the same master key, so nothing else is re-encrypted; removing an account's AccountKey leaves
 * that account unable to open the workspace.
 *
 * <p>Stored as one line: {@code argon2id$m=131072,t=4,p=1$salt$nonce$wrapped} (Base64 without padding).
 */
public record AccountKey(Argon2idParams params, byte[] salt, byte[] nonce, byte[] wrapped) {
    private static final String SCHEME = "argon2id";
    private static final SecureRandom RANDOM = new SecureRandom();

    public AccountKey {
        salt = salt.clone();
        nonce = nonce.clone();
        wrapped = wrapped.clone();
    }

    /** Wraps the master key under the password. */
    public static AccountKey wrap(byte[] masterKey, char[] password, Argon2idParams params) {
        byte[] salt = random(16);
        byte[] nonce = random(12);
        byte[] kek = kek(password, salt, params);
        try {
            return new AccountKey(params, salt, nonce, gcm(Cipher.ENCRYPT_MODE, kek, nonce, params).doFinal(masterKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The master key, when the password is right. */
    public byte[] unwrap(char[] password) throws WrongPasswordException {
        byte[] kek = kek(password, salt, params);
        try {
            return gcm(Cipher.DECRYPT_MODE, kek, nonce, params).doFinal(wrapped);
        } catch (AEADBadTagException e) {
            throw new WrongPasswordException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The same master key under a new password (and, if given, new cost parameters). */
    public AccountKey rewrap(char[] oldPassword, char[] newPassword, Argon2idParams newParams) throws WrongPasswordException {
        byte[] master = unwrap(oldPassword);
        try {
            return wrap(master, newPassword, newParams);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    public static byte[] newMasterKey() {
        return random(32);
    }

    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return String.join("$", SCHEME, params.encode(), b64.encodeToString(salt), b64.encodeToString(nonce),
                b64.encodeToString(wrapped));
    }

    public static AccountKey decode(String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 5 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not an Insyn account key");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new AccountKey(Argon2idParams.decode(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]), b64.decode(parts[4]));
    }

    private static byte[] kek(char[] password, byte[] salt, Argon2idParams p) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[utf8.remaining()];
        utf8.get(pw);
        Arrays.fill(utf8.array(), (byte) 0);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism()).withSalt(salt)
                .build());
        byte[] kek = new byte[32];
        generator.generateBytes(pw, kek);
        Arrays.fill(pw, (byte) 0);
        return kek;
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, Argon2idParams params) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        // the parameters are authenticated too: lowering them in the stored line breaks the tag
        c.updateAAD(params.encode().getBytes(StandardCharsets.US_ASCII));
        return c;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountKey k && params.equals(k.params) && Arrays.equals(salt, k.salt) && Arrays.equals(nonce, k.nonce)
                && Arrays.equals(wrapped, k.wrapped);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
        return "AccountKey[" + params.encode() + "]";
    }
}
