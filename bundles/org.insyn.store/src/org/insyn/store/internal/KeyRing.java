package org.insyn.store.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * R9: where the accounts' wrapped keys and failed sign-ins are kept: {@code accounts.keys} beside the embedded
 * database ({@link AccountFile}), or the {@code account_key} table of the shared database ({@link DbKeyRing}), so a
 * workstation in shared mode needs nothing but the database's address.
 */
interface KeyRing {

    /** Whether any account has a key here. */
    boolean exists();

    Optional<AccountFile.Entry> entry(String userId);

    /** Changes one account's entry (an empty result removes it). */
    void update(String userId, UnaryOperator<Optional<AccountFile.Entry>> change);

    /** Where it is, for messages. */
    String where();

    /** The key file in a folder. */
    static KeyRing file(Path directory) {
        return new KeyRing() {
            @Override
            public boolean exists() {
                return AccountFile.exists(directory);
            }

            @Override
            public Optional<AccountFile.Entry> entry(String userId) {
                return AccountFile.entry(directory, userId);
            }

            @Override
            public void update(String userId, UnaryOperator<Optional<AccountFile.Entry>> change) {
                AccountFile.update(directory, userId, change);
            }

            @Override
            public String where() {
                return directory.toString();
            }
        };
    }
}
