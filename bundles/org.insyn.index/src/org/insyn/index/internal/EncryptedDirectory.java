package org.insyn.index.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One AES key schedule per thread, shared by every file and clone: the counter blocks differ, the cipher does not. */
    private final ThreadLocal<Cipher> ciphers;

    public EncryptedDirectory(Directory in, SecretKey key) throws IOException {
        super(in);
        blockCipher(key); // a key AES cannot use fails here, not on some later read
        this.ciphers = ThreadLocal.withInitial(() -> {
            try {
                return blockCipher(key);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new Output(in.createOutput(name, context), ciphers);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return new Output(in.createTempOutput(prefix, suffix, context), ciphers);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        try {
            if (raw.length() >= HEADER && inHeap(name, raw.length() - HEADER)) {
                try (raw) {
                    return decrypted(name, raw);
                }
            }
            return new Input("encrypted(" + raw + ")", raw, ciphers, context);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Whether a file is decrypted once into memory when opened rather than on every read. Searching reads norms, doc
     * values and the terms and points indexes at random, a few bytes at a time: through a buffered decrypting input
     * each of those reads decrypted a whole buffer (docs/BENCHMARKS.md). These files are small (a few bytes per
     * document), and so are the metadata files; postings, terms, points data and stored text are large and read in
     * runs, and stay decrypted per read. The disk holds only encrypted bytes either way (R9).
     */
    static boolean inHeap(String name, long length) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return length <= SMALL_FILE || (RANDOM_ACCESS.contains(extension) && length <= LARGEST_IN_HEAP);
    }

    private static final java.util.Set<String> RANDOM_ACCESS = java.util.Set.of("nvd", "nvm", "dvd", "dvm", "tip", "tmd", "kdi", "kdm",
            "fdx", "fdm", "psm", "fnm", "si");
    private static final long SMALL_FILE = 256 << 10;
    private static final long LARGEST_IN_HEAP = 64 << 20;

    private IndexInput decrypted(String name, IndexInput raw) throws IOException {
        byte[] iv = new byte[HEADER];
        raw.readBytes(iv, 0, HEADER);
        byte[] plain = new byte[Math.toIntExact(raw.length() - HEADER)];
        raw.readBytes(plain, 0, plain.length);
        Keystream keystream = new Keystream(ciphers, iv);
        for (int at = 0; at < plain.length; at += 1 << 16) {
            keystream.apply(at, plain, at, Math.min(1 << 16, plain.length - at));
        }
        return new ByteBuffersIndexInput(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(plain))), "decrypted(" + name + ")");
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

    /** An AES block cipher under the key, in ECB mode: what a {@link Keystream} encrypts its counter blocks with. */
    static Cipher blockCipher(SecretKey key) throws IOException {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key);
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the index key", e);
        }
    }

    /**
     * The CTR keystream of one file, made by encrypting counter blocks with AES in ECB mode: the key schedule is set
     * up once per thread instead of once per read, which a CTR cipher object would need to jump to an offset. A
     * search clones its inputs many times (every term lookup); the cipher is the same for all files, so a clone
     * costs nothing.
     */
    static final class Keystream {
        private final ThreadLocal<Cipher> ciphers;
        private final long ivHigh;
        private final long ivLow;
        private byte[] blocks = new byte[0];

        Keystream(ThreadLocal<Cipher> ciphers, byte[] iv) {
            this.ciphers = ciphers;
            ByteBuffer b = ByteBuffer.wrap(iv);
            ivHigh = b.getLong();
            ivLow = b.getLong();
        }

        /** XORs {@code length} bytes of data with the keystream that starts at {@code position} of the file. */
        void apply(long position, byte[] data, int offset, int length) throws IOException {
            long first = position >>> 4;
            int skip = (int) (position & 15);
            int size = (skip + length + 15) & ~15;
            if (blocks.length < size) {
                blocks = new byte[size];
            }
            ByteBuffer counters = ByteBuffer.wrap(blocks);
            for (long i = 0; i < size >>> 4; i++) {
                // The counter is the IV plus the block number, as one 128-bit big-endian number.
                long low = ivLow + first + i;
                long carry = Long.compareUnsigned(low, ivLow) < 0 ? 1 : 0;
                counters.putLong(ivHigh + carry).putLong(low);
            }
            try {
                ciphers.get().update(blocks, 0, size, blocks, 0);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            for (int i = 0; i < length; i++) {
                data[offset + i] ^= blocks[skip + i];
            }
        }
    }

    private static final class Output extends IndexOutput {
        private final IndexOutput out;
        private final Keystream keystream;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[8192];
        private int used;
        private long written;

        Output(IndexOutput out, ThreadLocal<Cipher> ciphers) throws IOException {
            super("encrypted(" + out + ")", out.getName());
            this.out = out;
            byte[] iv = new byte[HEADER];
            RANDOM.nextBytes(iv);
            out.writeBytes(iv, iv.length);
            keystream = new Keystream(ciphers, iv);
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
            keystream.apply(written, buffer, 0, used);
            out.writeBytes(buffer, used);
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
        private final ThreadLocal<Cipher> ciphers;
        private final byte[] iv = new byte[HEADER];
        private final long length;
        private Keystream keystream;
        private byte[] scratch = new byte[0];

        Input(String description, IndexInput raw, ThreadLocal<Cipher> ciphers, IOContext context) throws IOException {
            super(description, context);
            this.raw = raw;
            this.ciphers = ciphers;
            if (raw.length() < HEADER) {
                throw new EOFException("encrypted file without header: " + raw);
            }
            raw.readBytes(iv, 0, HEADER);
            this.length = raw.length() - HEADER;
            this.keystream = new Keystream(ciphers, iv);
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
            keystream.apply(position, scratch, 0, n);
            b.put(scratch, 0, n);
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
            copy.keystream = new Keystream(ciphers, iv);
            return copy;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }
}
