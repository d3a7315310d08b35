package org.insyn.store.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.insyn.core.InsynException;

/**
 * R9, R17, shared mode: blobs in the database, encrypted as in a blob file (the server holds only ciphertext), named
 * by the SHA-256 of their content and re-hashed on read. Row-level security shows a blob to those who may see a case
 * with a capture of it, and to the person who put it until that capture is saved; only blobs no capture refers to
 * any more are removed.
 */
final class PgBlobStore implements SealedBlobs {
    private final Db db;
    private final SecretKey key;
    private final String userId;

    PgBlobStore(Db db, SecretKey key, String userId) {
        this.db = db;
        this.key = key;
        this.userId = userId;
    }

    @Override
    public String put(InputStream content) {
        try {
            byte[] plain = content.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain));
            try (Connection c = db.connection()) {
                Db.update(c, "INSERT INTO blob (sha256, content, put_by, put_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        hash, EncryptedBlobStore.seal(plain, key), userId, Instant.now());
            }
            return hash;
        } catch (IOException | GeneralSecurityException | SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    @Override
    public InputStream open(String sha256) {
        return new ByteArrayInputStream(read(sha256));
    }

    @Override
    public byte[] read(String sha256) {
        EncryptedBlobStore.requireHash(sha256);
        Optional<byte[]> sealed = query(c -> Db.one(c, "SELECT content FROM blob WHERE sha256 = ?", rs -> rs.getBytes(1), sha256));
        return EncryptedBlobStore.unseal(sha256, sealed.orElseThrow(() -> InsynException.notFound("blob", sha256)), key);
    }

    @Override
    public boolean exists(String sha256) {
        EncryptedBlobStore.requireHash(sha256);
        return query(c -> Db.one(c, "SELECT insyn_blob_exists(?)", rs -> rs.getBoolean(1), sha256)).orElse(false);
    }

    @Override
    public boolean delete(String sha256) {
        EncryptedBlobStore.requireHash(sha256);
        return query(c -> Db.one(c, "SELECT insyn_blob_delete(?)", rs -> rs.getBoolean(1), sha256)).orElse(false);
    }

    @Override
    public List<String> list() {
        return query(c -> Db.query(c, "SELECT sha256 FROM blob ORDER BY sha256", rs -> rs.getString(1)));
    }

    /** Puts an already sealed blob as it is (moving a blob folder into the database: nothing is decrypted). */
    void putSealed(String sha256, byte[] sealed) {
        EncryptedBlobStore.unseal(sha256, sealed, key); // only whole blobs that match their name move
        query(c -> Db.update(c, "INSERT INTO blob (sha256, content, put_by, put_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                sha256, sealed, userId, Instant.now()));
    }

    private <T> T query(StoreWorkspace.Read<T> read) {
        try (Connection c = db.connection()) {
            return read.run(c);
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }
}
