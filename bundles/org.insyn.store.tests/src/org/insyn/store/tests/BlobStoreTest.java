package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.spec.SecretKeySpec;

import org.insyn.core.InsynException;
import org.insyn.store.internal.EncryptedBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    EncryptedBlobStore store(byte keyByte) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, keyByte);
        return new EncryptedBlobStore(dir, new SecretKeySpec(key, "AES"));
    }

    static byte[] content(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void R17_aBlobIsNamedByTheSha256OfItsContentAndReadBackVerified() throws Exception {
        EncryptedBlobStore s = store((byte) 1);
        byte[] data = content(300_000);
        String hash = s.put(new ByteArrayInputStream(data));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), hash);
        assertArrayEquals(data, s.open(hash).readAllBytes());
        assertEquals(hash, s.put(new ByteArrayInputStream(data)), "the same bytes are stored once");
        assertEquals(List.of(hash), s.list());
        assertTrue(s.delete(hash));
        assertFalse(s.exists(hash));
        assertEquals(InsynException.Kind.NOT_FOUND, assertThrows(InsynException.class, () -> s.open(hash)).kind());
    }

    @Test
    void R9_blobsAreEncryptedAtRestWithAFreshNonceEach() throws Exception {
        byte[] data = "Kim Andersson, Storgatan 1, 070-123 45 67".repeat(20).getBytes();
        String hash = store((byte) 1).put(new ByteArrayInputStream(data));
        Path file = dir.resolve(hash.substring(0, 2)).resolve(hash);
        String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Andersson"));
        InsynException wrongKey = assertThrows(InsynException.class, () -> store((byte) 2).open(hash));
        assertEquals(InsynException.Kind.INTEGRITY, wrongKey.kind());
        store((byte) 1).delete(hash);
        store((byte) 1).put(new ByteArrayInputStream(data));
        assertFalse(raw.equals(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)),
                "a second encryption of the same bytes differs (random nonce)");
    }

    @Test
    void R17_aChangedOrSwappedBlobIsRefusedOnRead() throws Exception {
        EncryptedBlobStore s = store((byte) 1);
        String a = s.put(new ByteArrayInputStream(content(1000)));
        String b = s.put(new ByteArrayInputStream(content(2000)));
        Path fa = dir.resolve(a.substring(0, 2)).resolve(a);
        Path fb = dir.resolve(b.substring(0, 2)).resolve(b);
        byte[] bytes = Files.readAllBytes(fa);
        bytes[100] ^= 0x40;
        Files.write(fa, bytes);
        assertEquals(InsynException.Kind.INTEGRITY, assertThrows(InsynException.class, () -> s.open(a)).kind());
        Files.copy(fb, fa, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InsynException swapped = assertThrows(InsynException.class, () -> s.open(a));
        assertEquals(InsynException.Kind.INTEGRITY, swapped.kind());
        assertTrue(swapped.getMessage().contains(a), swapped.getMessage());
    }

    @Test
    void aBadNameIsATypedError() {
        assertEquals(InsynException.Kind.INVALID,
                assertThrows(InsynException.class, () -> store((byte) 1).open("../../etc/passwd")).kind());
    }
}
