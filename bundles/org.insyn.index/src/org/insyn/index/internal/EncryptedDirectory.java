package org.insyn.index.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * R9: every index file is AES-256-CTR encrypted on disk. CTR keeps random access cheap (any byte's keystream is
 * computed from its offset), which Lucene's readers need; integrity comes from Lucene's own checksums, which cover
 * the plain text and so also catch a wrong key. Each file starts with its own random 16-byte IV.
 */
public final class EncryptedDirectory extends FilterDirectory {
    static final int HEADER = 16;
    private static final int BUFFER = 8192;
    private static final String AES_CTR = "AES/CTR/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public EncryptedDirectory(Directory in, SecretKey key) {
        super(in);
        this.key = key;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new Output(in.createOutput(name, context), key);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return new Output(in.createTempOutput(prefix, suffix, context), key);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        try {
            return new Input("encrypted(" + raw + ")", raw, key, context);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        return in.fileLength(name) - HEADER;
    }

    @Override
    public void copyFrom(Directory from, String src, String dest, IOContext context) throws IOException {
        // The default copies raw bytes; going through our own streams re-encrypts under this directory's key.
        try (IndexInput is = from.openInput(src, context); IndexOutput os = createOutput(dest, context)) {
            os.copyBytes(is, is.length());
        }
    }

    static Cipher newCipher() throws IOException {
        try {
            return Cipher.getInstance(AES_CTR);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-CTR is not available", e);
        }
    }

    /** Sets the cipher to the keystream at {@code position} of a file with this IV. */
    static Cipher at(Cipher c, int mode, SecretKey key, byte[] iv, long position) throws IOException {
        byte[] counter = iv.clone();
        long block = position / 16;
        // Adds the block number to the 128-bit big-endian counter.
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int sum = (counter[i] & 0xff) + (int) (block & 0xff) + carry;
            counter[i] = (byte) sum;
            carry = sum >>> 8;
            block >>>= 8;
        }
        try {
            c.init(mode, key, new IvParameterSpec(counter));
            int skip = (int) (position % 16);
            if (skip > 0) {
                c.update(new byte[skip]);
            }
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the index key", e);
        }
    }

    private static final class Output extends IndexOutput {
        private final IndexOutput out;
        private final Cipher cipher;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[8192];
        private final byte[] encrypted = new byte[buffer.length];
        private int used;
        private long written;

        Output(IndexOutput out, SecretKey key) throws IOException {
            super("encrypted(" + out + ")", out.getName());
            this.out = out;
            byte[] iv = new byte[HEADER];
            RANDOM.nextBytes(iv);
            out.writeBytes(iv, iv.length);
            cipher = at(newCipher(), Cipher.ENCRYPT_MODE, key, iv, 0);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = b;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    flush();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(b, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void flush() throws IOException {
            if (used == 0) {
                return;
            }
            crc.update(buffer, 0, used);
            try {
                int n = cipher.update(buffer, 0, used, encrypted, 0);
                out.writeBytes(encrypted, n);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            written += used;
            used = 0;
        }

        @Override
        public long getFilePointer() {
            return written + used;
        }

        @Override
        public long getChecksum() throws IOException {
            flush();
            return crc.getValue();
        }

        @Override
        public void close() throws IOException {
            try (out) {
                flush();
            }
        }
    }

    private static final class Input extends BufferedIndexInput {
        private IndexInput raw;
        private final SecretKey key;
        private final byte[] iv = new byte[HEADER];
        private final long length;
        private byte[] scratch = new byte[0];
        private Cipher cipher;

        Input(String description, IndexInput raw, SecretKey key, IOContext context) throws IOException {
            // Larger than Lucene's 1 KiB default: each refill sets up the cipher once, and AES-NI decrypts 8 KiB in microseconds.
            super(description, Math.max(BUFFER, bufferSize(context)));
            this.raw = raw;
            this.key = key;
            if (raw.length() < HEADER) {
                throw new EOFException("encrypted file without header: " + raw);
            }
            raw.readBytes(iv, 0, HEADER);
            this.cipher = newCipher();
            this.length = raw.length() - HEADER;
        }

        @Override
        protected void readInternal(ByteBuffer b) throws IOException {
            long position = getFilePointer();
            int n = b.remaining();
            if (position + n > length) {
                throw new EOFException("read past EOF: " + this);
            }
            if (scratch.length < n) {
                scratch = new byte[n];
            }
            raw.seek(HEADER + position);
            raw.readBytes(scratch, 0, n);
            try {
                int done = at(cipher, Cipher.DECRYPT_MODE, key, iv, position).update(scratch, 0, n, scratch, 0);
                b.put(scratch, 0, done);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        @Override
        protected void seekInternal(long pos) throws IOException {
            if (pos > length) {
                throw new EOFException("seek past EOF: " + this);
            }
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public Input clone() {
            Input copy = (Input) super.clone();
            copy.raw = raw.clone();
            copy.scratch = new byte[0];
            try {
                copy.cipher = newCipher();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return copy;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }
}
