package org.insyn.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.insyn.security.AccountKey;
import org.insyn.security.SignInThrottle.Attempts;

/**
 * R9, shared mode: the wrapped keys in the database. Before anyone is signed in, the workstation's own login (the one
 * in its JDBC address, a member of the schema's sign-in role) may only call two functions: read one account's wrapped
 * key and count a failed attempt. Keys are written by administrators, and by each person for their own password.
 */
final class DbKeyRing implements KeyRing {
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final String where;

    DbKeyRing(Connections connections, String where) {
        this.connections = connections;
        this.where = where;
    }

    @Override
    public boolean exists() {
        try (Connection c = connections.open()) {
            return Db.one(c, "SELECT insyn_has_accounts()", rs -> rs.getBoolean(1)).orElse(false);
        } catch (SQLException e) {
            // no such function: a new schema, or one made before the keys moved into the database
            if ("42883".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return false;
            }
            throw EncryptedBlobStore.storage(e);
        }
    }

    @Override
    public Optional<AccountFile.Entry> entry(String userId) {
        try (Connection c = connections.open()) {
            return entry(c, userId);
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    private static Optional<AccountFile.Entry> entry(Connection c, String userId) throws SQLException {
        return Db.one(c, "SELECT wrapped, db_login, failures, last_failure FROM insyn_key(?)",
                rs -> new AccountFile.Entry(AccountKey.decode(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                        new Attempts(rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)))), userId);
    }

    @Override
    public void update(String userId, UnaryOperator<Optional<AccountFile.Entry>> change) {
        try (Connection c = connections.open()) {
            Optional<AccountFile.Entry> old = entry(c, userId);
            Optional<AccountFile.Entry> now = change.apply(old);
            if (now.isEmpty()) {
                Db.update(c, "DELETE FROM account_key WHERE user_id = ?", userId);
            } else if (old.isPresent() && old.get().key().encode().equals(now.get().key().encode())
                    && old.get().login().equals(now.get().login())) {
                // only the failed attempts changed: allowed before sign-in too
                Db.one(c, "SELECT insyn_key_attempts(?, ?, ?)", rs -> Boolean.TRUE, userId, now.get().attempts().failures(),
                        now.get().attempts().last().toEpochMilli());
            } else {
                AccountFile.Entry e = now.get();
                Object[] values = { e.key().encode(), e.login(), e.attempts().failures(), e.attempts().last().toEpochMilli(), userId };
                if (Db.update(c, "UPDATE account_key SET wrapped = ?, db_login = ?, failures = ?, last_failure = ? WHERE user_id = ?",
                        values) == 0) {
                    Db.update(c, "INSERT INTO account_key (wrapped, db_login, failures, last_failure, user_id) VALUES (?, ?, ?, ?, ?)",
                            values);
                }
            }
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    @Override
    public String where() {
        return where;
    }
}
