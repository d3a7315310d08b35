package org.insyn.store.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;

/**
 * R9, R17: blobs named by the SHA-256 of their plain content, stored AES-GCM encrypted with a fresh random nonce
 * each (file: magic, nonce, ciphertext with tag). Written to a temp file, forced to disk and renamed atomically, so
 * a crash leaves either the whole blob or none; decrypted and re-hashed against the name before anything is
 * returned.
 */
public final class EncryptedBlobStore implements SealedBlobs {
    private static final byte[] MAGIC = "INSYNB1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Path root;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public EncryptedBlobStore(Path root, SecretKey key) {
        this.root = root;
        this.key = key;
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw storage(e);
        }
    }

    @Override
    public String put(InputStream content) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(root.resolve("tmp"), "put", ".part");
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream raw = java.nio.channels.Channels.newOutputStream(ch)) {
                raw.write(MAGIC);
                raw.write(nonce);
                OutputStream enc = new CipherOutputStream(new NonClosing(raw), cipher);
                byte[] buf = new byte[65536];
                for (int n; (n = content.read(buf)) > 0;) {
                    sha.update(buf, 0, n);
                    enc.write(buf, 0, n);
                }
                enc.close();
                raw.flush();
                ch.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                Files.delete(tmp);
                return hash;
            }
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            forceDirectory(target.getParent());
            return hash;
        } catch (IOException | GeneralSecurityException e) {
            throw storage(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is never read as a blob
                }
            }
        }
    }

    @Override
    public InputStream open(String sha256) {
        return new ByteArrayInputStream(read(sha256));
    }

    @Override
    public byte[] read(String sha256) {
        byte[] file;
        try {
            file = Files.readAllBytes(path(sha256));
        } catch (NoSuchFileException e) {
            throw InsynException.notFound("blob", sha256);
        } catch (IOException e) {
            throw storage(e);
        }
        return unseal(sha256, file, key);
    }

    /** A blob's bytes as stored: magic, a fresh nonce, the AES-GCM ciphertext with its tag. */
    static byte[] seal(byte[] plain, SecretKey key) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        byte[] sealed = cipher.doFinal(plain);
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + NONCE + sealed.length);
        System.arraycopy(nonce, 0, out, MAGIC.length, NONCE);
        System.arraycopy(sealed, 0, out, MAGIC.length + NONCE, sealed.length);
        return out;
    }

    /** The plain content of stored bytes, after checking the GCM tag and the SHA-256 of the content against the name. */
    static byte[] unseal(String sha256, byte[] file, SecretKey key) {
        try {
            if (file.length < MAGIC.length + NONCE || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw integrity(sha256);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(file, MAGIC.length, MAGIC.length + NONCE)));
            byte[] plain = cipher.doFinal(file, MAGIC.length + NONCE, file.length - MAGIC.length - NONCE);
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain));
            if (!actual.equals(sha256)) {
                throw integrity(sha256);
            }
            return plain;
        } catch (javax.crypto.AEADBadTagException e) {
            throw integrity(sha256);
        } catch (GeneralSecurityException e) {
            throw storage(e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw storage(e);
        }
    }

    @Override
    public List<String> list() {
        List<String> hashes = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "[0-9a-f][0-9a-f]")) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    files.forEach(f -> hashes.add(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw storage(e);
        }
        hashes.sort(null);
        return hashes;
    }

    /** The file of a blob, as stored (sealed). */
    byte[] sealed(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw storage(e);
        }
    }

    static void requireHash(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw InsynException.invalid("store.badHash", sha256);
        }
    }

    Path path(String sha256) {
        requireHash(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Makes the rename itself durable. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static InsynException integrity(String sha256) {
        return new InsynException(InsynException.Kind.INTEGRITY, Optional.of(Rule.R17), "store.blobChanged", sha256);
    }

    static InsynException storage(Exception e) {
        if (e instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            // the server went away (restart, network): what was committed before is kept, this call was not done
            return new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.connectionLost", e.getMessage());
        }
        return new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "store.failed", e.toString());
    }

    /** Lets the cipher stream finish the GCM tag without closing the file channel before it is forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
