package org.insyn.store.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.insyn.core.InsynException;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.insyn.core.service.Accounts;
import org.insyn.security.AccountKey;
import org.insyn.security.SignInThrottle.Attempts;
import org.postgresql.util.PasswordUtil;

/**
 * R9: accounts as an administrator keeps them. The row (roles, units, enabled) and its audit entry change in one
 * transaction, and in shared mode the person's database login with them; the account's wrapped key in
 * {@link AccountFile} follows once that is committed. Nothing here ever deletes an account.
 */
final class StoreAccounts implements Accounts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreWorkspace ws;

    StoreAccounts(StoreWorkspace ws) {
        this.ws = ws;
    }

    @Override
    public List<User> list() {
        return ws.users();
    }

    @Override
    public User create(User user, char[] password) {
        SignIn.requireGoodPassword(password);
        if (!user.enabled()) {
            throw InsynException.invalid("store.changeKeepsEnabled");
        }
        Optional<String> login = ws.db().shared().map(s -> s.login(user.id()));
        Optional<char[]> databasePassword = login.map(l -> newDatabasePassword());
        guard(user.id(), () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            if (StoreWorkspace.user(tx.c, user.id()).isPresent()) {
                throw InsynException.invalid("store.accountExists", user.id());
            }
            AccountChecks.requireUnits(tx.c, user.unitIds());
            if (login.isPresent()) {
                SharedSchema s = ws.db().shared().orElseThrow();
                Db.execute(tx.c, "CREATE ROLE " + SharedSchema.quoted(login.get()) + " LOGIN PASSWORD '"
                        + scram(databasePassword.get()) + "' IN ROLE " + SharedSchema.quoted(s.workers()));
            }
            insert(tx.c, user, login);
            if (user.has(Role.ADMINISTRATOR)) {
                grantAdministration(tx.c, user, login);
            }
            tx.audit(ws.userId(), AuditAction.USER_SAVED, Optional.empty(), AccountChecks.target(user), AccountChecks.detail(user));
            return user;
        }));
        putKey(user.id(), password, databasePassword);
        return user;
    }

    /** The first administrator's account, made with the workspace; in shared mode their login owns the schema. */
    static void insertFirst(Tx tx, User administrator, Optional<String> login) throws SQLException {
        insert(tx.c, administrator, login);
        tx.audit(administrator.id(), AuditAction.USER_SAVED, Optional.empty(), AccountChecks.target(administrator),
                AccountChecks.detail(administrator));
    }

    private static void insert(Connection c, User u, Optional<String> login) throws SQLException {
        Db.update(c, "INSERT INTO app_user (id, display_name, roles, unit_ids, enabled, db_login) VALUES (?, ?, ?, ?, ?, ?)",
                u.id(), u.displayName(), roles(u), units(u), u.enabled(), login);
    }

    @Override
    public User change(User user) {
        return guard(user.id(), () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            User stored = stored(tx.c, user.id());
            if (stored.enabled() != user.enabled()) {
                throw InsynException.invalid("store.changeKeepsEnabled");
            }
            AccountChecks.requireUnits(tx.c, user.unitIds());
            Db.update(tx.c, "UPDATE app_user SET display_name = ?, roles = ?, unit_ids = ? WHERE id = ?", user.displayName(),
                    roles(user), units(user), user.id());
            if (stored.has(Role.ADMINISTRATOR) != user.has(Role.ADMINISTRATOR)) {
                grantAdministration(tx.c, user, login(tx.c, user.id()));
            }
            tx.audit(ws.userId(), AuditAction.USER_SAVED, Optional.empty(), AccountChecks.target(user), AccountChecks.detail(user));
            return user;
        }));
    }

    @Override
    public User disable(String userId) {
        User disabled = guard(userId, () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            if (userId.equals(ws.userId())) {
                throw InsynException.invalid("store.cannotDisableSelf");
            }
            User u = withEnabled(stored(tx.c, userId), false);
            Db.update(tx.c, "UPDATE app_user SET enabled = FALSE WHERE id = ?", userId);
            Optional<String> login = login(tx.c, userId);
            if (login.isPresent()) {
                Db.execute(tx.c, "ALTER ROLE " + SharedSchema.quoted(login.get()) + " NOLOGIN");
            }
            tx.audit(ws.userId(), AuditAction.ACCOUNT_DISABLED, Optional.empty(), AccountChecks.target(u), AccountChecks.detail(u));
            return u;
        }));
        // without its wrapped key the account cannot open the workspace any more
        ws.keyRing().update(userId, old -> Optional.empty());
        return disabled;
    }

    @Override
    public User enable(String userId, char[] password) {
        SignIn.requireGoodPassword(password);
        Optional<char[]> databasePassword = ws.db().shared().map(s -> newDatabasePassword());
        User enabled = guard(userId, () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            User u = withEnabled(stored(tx.c, userId), true);
            Db.update(tx.c, "UPDATE app_user SET enabled = TRUE WHERE id = ?", userId);
            setDatabasePassword(tx.c, login(tx.c, userId), databasePassword, " LOGIN");
            tx.audit(ws.userId(), AuditAction.ACCOUNT_ENABLED, Optional.empty(), AccountChecks.target(u), AccountChecks.detail(u));
            return u;
        }));
        putKey(userId, password, databasePassword);
        return enabled;
    }

    @Override
    public void resetPassword(String userId, char[] password) {
        SignIn.requireGoodPassword(password);
        Optional<char[]> databasePassword = ws.db().shared().map(s -> newDatabasePassword());
        guard(userId, () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            User u = stored(tx.c, userId);
            if (!u.enabled()) {
                throw StoreWorkspace.accountGone(userId);
            }
            // the person's database password is wrapped under their old password, which the administrator lacks
            setDatabasePassword(tx.c, login(tx.c, userId), databasePassword, "");
            return tx.audit(ws.userId(), AuditAction.PASSWORD_RESET, Optional.empty(), AccountChecks.target(u), "");
        }));
        putKey(userId, password, databasePassword);
    }

    @Override
    public void unlock(String userId) {
        guard(userId, () -> ws.write(tx -> {
            ws.requireAdministrator(tx.c);
            User u = stored(tx.c, userId);
            return tx.audit(ws.userId(), AuditAction.ACCOUNT_UNLOCKED, Optional.empty(), AccountChecks.target(u), "");
        }));
        ws.keyRing().update(userId, old -> old.map(e -> e.withAttempts(Attempts.NONE)));
    }

    @Override
    public void changePassword(char[] oldPassword, char[] newPassword) {
        SignIn.requireGoodPassword(newPassword);
        guard(ws.userId(), () -> {
            SignIn.Opened opened = ws.signIn().open(ws.keyRing(), ws.userId(), oldPassword);
            if (!opened.keys().sameMaster(ws.keys())) {
                throw new InsynException(InsynException.Kind.INTEGRITY, Optional.empty(), "store.keyDoesNotFit", ws.directory());
            }
            // the same secret under the new password: nothing else is re-encrypted
            AccountKey rewrapped = AccountKey.wrap(opened.keys().secret(opened.keys().databasePassword()), newPassword,
                    SignIn.newKeyCost());
            ws.keyRing().update(ws.userId(), old -> old.map(e -> e.withKey(rewrapped)));
            return ws.write(tx -> tx.audit(ws.userId(), AuditAction.PASSWORD_CHANGED, Optional.empty(), "user:" + ws.userId(), ""));
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private <T> T guard(String userId, Supplier<T> call) {
        return ws.guard("user:" + userId, call);
    }

    /** The account's key: this workspace's secret (with the account's database password) under its password. */
    private void putKey(String userId, char[] password, Optional<char[]> databasePassword) {
        Optional<String> login = ws.read(c -> login(c, userId));
        AccountKey key = AccountKey.wrap(ws.keys().secret(databasePassword), password, SignIn.newKeyCost());
        ws.keyRing().update(userId, old -> Optional.of(new AccountFile.Entry(key, login, Attempts.NONE)));
    }

    private static User stored(Connection c, String userId) throws SQLException {
        return StoreWorkspace.user(c, userId).orElseThrow(() -> InsynException.notFound("user", userId));
    }

    private static User withEnabled(User u, boolean enabled) {
        return new User(u.id(), u.displayName(), u.roles(), u.unitIds(), enabled);
    }

    private static Optional<String> login(Connection c, String userId) throws SQLException {
        return Db.one(c, "SELECT db_login FROM app_user WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), userId)
                .flatMap(o -> o);
    }

    /** Shared mode: administrators' logins are also in the administrators' group (accounts and units). */
    private void grantAdministration(Connection c, User user, Optional<String> login) throws SQLException {
        if (login.isPresent() && ws.db().shared().isPresent()) {
            String group = SharedSchema.quoted(ws.db().shared().get().admins());
            Db.execute(c, (user.has(Role.ADMINISTRATOR) ? "GRANT " + group + " TO " : "REVOKE " + group + " FROM ")
                    + SharedSchema.quoted(login.get()));
        }
    }

    /** Sets a new database password, sent as its SCRAM verifier: the password itself never reaches the server. */
    private static void setDatabasePassword(Connection c, Optional<String> login, Optional<char[]> password, String also)
            throws SQLException {
        if (login.isPresent() && password.isPresent()) {
            Db.execute(c, "ALTER ROLE " + SharedSchema.quoted(login.get()) + also + " PASSWORD '"
                    + scram(password.get()) + "'");
        }
    }

    /** The SCRAM verifier of a password (pgjdbc clears the array it is given, so it gets a copy). */
    private static String scram(char[] password) {
        return PasswordUtil.encodeScramSha256(password.clone());
    }

    /** A database password nobody types: it lives only wrapped in the account's key. */
    private static char[] newDatabasePassword() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    private static String roles(User u) {
        return u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static String units(User u) {
        return String.join(",", new TreeSet<>(u.unitIds()));
    }
}
