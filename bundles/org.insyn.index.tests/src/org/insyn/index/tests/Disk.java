package org.insyn.index.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.insyn.index.internal.IndexService;

/** What the index files hold: as bytes on disk, and as Lucene reads them through the decrypting directory. */
final class Disk {
    /** An index key as a workspace derives it (R9), and another one. */
    static final SecretKey KEY = key(1);
    static final SecretKey OTHER_KEY = key(2);

    private Disk() {
    }

    private static SecretKey key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return new SecretKeySpec(k, "AES");
    }

    /** Every file under the folder, as stored on disk. */
    static byte[] raw(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).reduce(new byte[0], Disk::concat);
        }
    }

    /** Every index file of the folder, decrypted: what the encryption hides. */
    static byte[] decrypted(Path folder) throws IOException {
        return decrypted(folder, KEY);
    }

    /** Every index file of the folder, decrypted with the key: what the encryption hides. */
    static byte[] decrypted(Path folder, SecretKey key) throws IOException {
        byte[] all = new byte[0];
        try (Directory directory = IndexService.directory(folder, key)) {
            for (String name : directory.listAll()) {
                if (name.equals("write.lock")) {
                    continue;
                }
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[(int) in.length()];
                    in.readBytes(bytes, 0, bytes.length);
                    all = concat(all, bytes);
                }
            }
        }
        return all;
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer: for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
