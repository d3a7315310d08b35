package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.insyn.index.internal.EncryptedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files are standard AES-256-CTR (IV first), and any slice of them reads back right. */
class EncryptedDirectoryTest {

    @Test
    void R9_fileIsStandardAesCtrAndReadsBackAtAnyOffset(@TempDir Path dir) throws Exception {
        byte[] plain = new byte[200_003];
        Random random = new Random(7);
        random.nextBytes(plain);
        SecretKey key = new SecretKeySpec(Arrays.copyOf("nyckel".getBytes(), 32), "AES");
        try (EncryptedDirectory directory = new EncryptedDirectory(FSDirectory.open(dir), key)) {
            try (IndexOutput out = directory.createOutput("data", IOContext.DEFAULT)) {
                out.writeBytes(plain, 0, 1000);
                for (int i = 1000; i < 5000; i++) {
                    out.writeByte(plain[i]);
                }
                out.writeBytes(plain, 5000, plain.length - 5000);
            }
            assertEquals(plain.length, directory.fileLength("data"));

            byte[] stored = Files.readAllBytes(dir.resolve("data"));
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(Arrays.copyOf(stored, 16)));
            assertArrayEquals(plain, ctr.doFinal(stored, 16, stored.length - 16));

            try (IndexInput in = directory.openInput("data", IOContext.DEFAULT)) {
                for (int i = 0; i < 200; i++) {
                    int offset = random.nextInt(plain.length - 3000);
                    int length = random.nextInt(3000);
                    IndexInput slice = (i % 2 == 0 ? in.clone() : in.slice("part", offset / 2, plain.length - offset / 2));
                    long at = i % 2 == 0 ? offset : offset - offset / 2;
                    slice.seek(at);
                    byte[] read = new byte[length];
                    slice.readBytes(read, 0, length);
                    assertArrayEquals(Arrays.copyOfRange(plain, offset, offset + length), read, "at " + offset);
                }
            }
        }
    }
}
