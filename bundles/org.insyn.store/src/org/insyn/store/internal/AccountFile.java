package org.insyn.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.insyn.core.InsynException;
import org.insyn.security.AccountKey;
import org.insyn.security.SignInThrottle.Attempts;

/**
 * R9: {@code accounts.keys} beside the database, the one file a sign-in reads before anything is decrypted. Per
 * account: the workspace's master key wrapped under the account's password with Argon2id ({@link AccountKey}: salt,
 * parameters, nonce, ciphertext; no password, no key in clear), in shared mode the name of the account's database
 * login, and the failed sign-in attempts since the last success (so the throttle outlives the process). The
 * database key derives from the master key, so these cannot live only inside the database; the account rows there
 * are the truth about roles and units and are checked against the audit trail.
 */
final class AccountFile {
    static final String NAME = "accounts.keys";
    private static final String KEY = "key";
    private static final String LOGIN = "login";
    private static final String FAILURES = "failures";
    private static final String LAST_FAILURE = "lastFailure";

    /** One account's line of the file. */
    record Entry(AccountKey key, Optional<String> login, Attempts attempts) {
        Entry withAttempts(Attempts a) {
            return new Entry(key, login, a);
        }

        Entry withKey(AccountKey k) {
            return new Entry(k, login, attempts);
        }
    }

    private AccountFile() {
    }

    static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(NAME));
    }

    static Optional<Entry> entry(Path directory, String userId) {
        return Optional.ofNullable(read(directory).get(userId));
    }

    /**
     * Changes one account's entry (an empty result removes it), with the file locked against other processes and
     * rewritten atomically, so a crash leaves the old file or the new one.
     */
    static void update(Path directory, String userId, UnaryOperator<Optional<Entry>> change) {
        // FileLock guards against other processes only; threads of this one take turns here.
        synchronized (AccountFile.class) {
            try (FileChannel lockFile = FileChannel.open(directory.resolve(NAME + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                Map<String, Entry> all = exists(directory) ? read(directory) : new TreeMap<>();
                Optional<Entry> changed = change.apply(Optional.ofNullable(all.get(userId)));
                changed.ifPresentOrElse(e -> all.put(userId, e), () -> all.remove(userId));
                write(directory, all);
            } catch (IOException e) {
                throw EncryptedBlobStore.storage(e);
            }
        }
    }

    static Map<String, Entry> read(Path directory) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(NAME))) {
            p.load(in);
        } catch (IOException e) {
            throw EncryptedBlobStore.storage(e);
        }
        Map<String, Entry> all = new TreeMap<>();
        try {
            for (String name : p.stringPropertyNames()) {
                if (name.endsWith("." + KEY)) {
                    String user = name.substring(0, name.length() - KEY.length() - 1);
                    Attempts attempts = new Attempts(Integer.parseInt(p.getProperty(user + "." + FAILURES, "0")),
                            Instant.parse(p.getProperty(user + "." + LAST_FAILURE, Instant.EPOCH.toString())));
                    all.put(user, new Entry(AccountKey.decode(p.getProperty(name)),
                            Optional.ofNullable(p.getProperty(user + "." + LOGIN)), attempts));
                }
            }
        } catch (RuntimeException e) {
            throw new InsynException(InsynException.Kind.INTEGRITY, Optional.empty(), e, "store.badAccountFile",
                    directory.resolve(NAME), e.getMessage());
        }
        return all;
    }

    private static void write(Path directory, Map<String, Entry> all) throws IOException {
        StringWriter text = new StringWriter();
        text.append("# Insyn workspace accounts (R9): per account the workspace key, wrapped with Argon2id under the\n")
                .append("# account's password. No password and no key is stored in clear.\n");
        all.forEach((user, e) -> {
            text.append(line(user + "." + KEY, e.key().encode()));
            e.login().ifPresent(l -> text.append(line(user + "." + LOGIN, l)));
            if (e.attempts().failures() > 0) {
                text.append(line(user + "." + FAILURES, Integer.toString(e.attempts().failures())));
                text.append(line(user + "." + LAST_FAILURE, e.attempts().last().toString()));
            }
        });
        Path tmp = directory.resolve(NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, directory.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Values are Base64, ISO instants and login names: nothing a properties file must escape. */
    private static String line(String name, String value) {
        return name + "=" + value + "\n";
    }
}
