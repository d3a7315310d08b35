package org.insyn.store.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.insyn.security.AccountKey;
import org.insyn.security.KeyDerivation;

/**
 * R9: the one place a workspace's keys come from. A random master key, wrapped per account in {@link AccountFile};
 * the H2 file key, the blob key and the index key derive from it with HKDF, so a password change re-wraps one
 * entry and re-encrypts nothing. In shared mode the wrapped secret also carries the account's database password,
 * which the person never sees.
 */
final class WorkspaceKeys {
    static final int MASTER_BYTES = 32;

    private final byte[] master;
    private final Optional<char[]> databaseLogin;

    private WorkspaceKeys(byte[] master, Optional<char[]> databaseLogin) {
        this.master = master;
        this.databaseLogin = databaseLogin;
    }

    static WorkspaceKeys create() {
        return new WorkspaceKeys(AccountKey.newMasterKey(), Optional.empty());
    }

    /** The master key and the database password as one secret to wrap: 32 bytes of key, then UTF-8. */
    byte[] secret(Optional<char[]> databasePassword) {
        byte[] pw = databasePassword.map(p -> {
            ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(p));
            return Arrays.copyOf(b.array(), b.limit());
        }).orElse(new byte[0]);
        byte[] s = Arrays.copyOf(master, MASTER_BYTES + pw.length);
        System.arraycopy(pw, 0, s, MASTER_BYTES, pw.length);
        return s;
    }

    /** The keys and database password from an unwrapped secret. */
    static WorkspaceKeys of(byte[] secret) {
        Optional<char[]> pw = secret.length > MASTER_BYTES
                ? Optional.of(new String(secret, MASTER_BYTES, secret.length - MASTER_BYTES, StandardCharsets.UTF_8).toCharArray())
                : Optional.empty();
        return new WorkspaceKeys(Arrays.copyOf(secret, MASTER_BYTES), pw);
    }

    /** The database password kept for this account (shared mode). */
    Optional<char[]> databasePassword() {
        return databaseLogin;
    }

    /** H2's file password (the H2 file key derives from it); hex, so it holds no space H2 would split at. */
    String databaseFilePassword() {
        return HexFormat.of().formatHex(KeyDerivation.derive(master, KeyDerivation.DATABASE));
    }

    SecretKeySpec blobKey() {
        return new SecretKeySpec(KeyDerivation.derive(master, KeyDerivation.BLOBS), "AES");
    }

    SecretKeySpec indexKey() {
        return new SecretKeySpec(KeyDerivation.derive(master, KeyDerivation.INDEX), "AES");
    }

    /** Whether an unwrapped secret holds this workspace's master key (an unlock by the same person). */
    boolean sameMaster(WorkspaceKeys other) {
        return MessageDigest.isEqual(master, other.master);
    }
}
