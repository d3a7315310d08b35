package org.insyn.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.security.AccountKey;
import org.insyn.security.SignInThrottle;
import org.insyn.security.SignInThrottle.Attempts;
import org.postgresql.ds.PGSimpleDataSource;
import org.osgi.service.component.annotations.Component;

/**
 * Opens workspaces by signing people in (R9): the password opens the account's wrapped master key, the keys of the
 * database, blobs and index derive from it, and the account must be enabled and as the audit trail left it.
 * Offered by DS.
 */
@Component(name = "org.insyn.store", service = WorkspaceProvider.class, immediate = true)
public final class StoreProvider implements WorkspaceProvider {
    private final SignIn signIn;

    public StoreProvider() {
        this(SignInThrottle.standard());
    }

    /** With another throttle, e.g. a clock a test moves by hand. */
    public StoreProvider(SignInThrottle throttle) {
        this.signIn = new SignIn(throttle);
    }

    @Override
    public boolean isNew(WorkspaceConfig config) {
        return !keyRing(config).exists();
    }

    /**
     * R9: where the accounts' wrapped keys are: beside the embedded database, or in the shared database, read with
     * the workstation's own login; a shared folder made before the keys moved into the database until it is migrated.
     */
    static KeyRing keyRing(WorkspaceConfig config) {
        if (config.postgresUrl().isEmpty() || AccountFile.exists(config.directory())) {
            return KeyRing.file(config.directory());
        }
        String url = config.postgresUrl().get();
        return new DbKeyRing(() -> Db.workstation(url), Db.withoutLogin(url));
    }

    @Override
    public Workspace create(WorkspaceConfig config, User administrator, char[] password) {
        Path directory = config.directory();
        if (!isNew(config) || Files.exists(directory.resolve("insyn.mv.db"))) {
            throw InsynException.invalid("store.alreadyAWorkspace", directory);
        }
        if (!administrator.has(Role.ADMINISTRATOR) || !administrator.enabled()) {
            throw InsynException.invalid("store.firstIsAdministrator");
        }
        SignIn.requireGoodPassword(password);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw EncryptedBlobStore.storage(e);
        }
        WorkspaceKeys keys = WorkspaceKeys.create();
        Optional<String> login = Optional.empty();
        Optional<char[]> databasePassword = Optional.empty();
        Db db;
        if (config.postgresUrl().isPresent()) {
            // the first administrator's own login becomes the schema's owner
            PGSimpleDataSource url = new PGSimpleDataSource();
            url.setURL(config.postgresUrl().get());
            login = Optional.of(config.postgresUser().orElse(url.getUser()));
            databasePassword = Optional.of(config.postgresPassword()
                    .orElse(Optional.ofNullable(url.getPassword()).orElse("").toCharArray()));
            db = Db.shared(config.postgresUrl().get(), login.get(), databasePassword.get());
        } else {
            db = Db.embedded(directory, keys.databaseFilePassword());
        }
        Optional<String> owner = login;
        StoreWorkspace ws = new StoreWorkspace(db, keys, config, administrator.id(), signIn);
        try {
            ws.write(tx -> {
                if (Db.one(tx.c, "SELECT 1 FROM app_user", rs -> true).isPresent()) {
                    throw InsynException.invalid("store.alreadyAWorkspace",
                            config.postgresUrl().map(Db::withoutLogin).orElse(directory.toString()));
                }
                StoreAccounts.insertFirst(tx, administrator, owner);
                return null;
            });
            AccountKey key = AccountKey.wrap(keys.secret(databasePassword), password, SignIn.newKeyCost());
            ws.keyRing().update(administrator.id(), old -> Optional.of(new AccountFile.Entry(key, owner, Attempts.NONE)));
            ws.signedIn(0);
            return ws;
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    @Override
    public Moved moveIntoDatabase(WorkspaceConfig config, String userId, char[] password) {
        Path directory = config.directory();
        if (config.postgresUrl().isEmpty() || !AccountFile.exists(directory)) {
            throw InsynException.invalid("store.nothingToMove", directory);
        }
        try (StoreWorkspace ws = (StoreWorkspace) signIn(config, userId, password)) {
            ws.read(ws::requireAdministrator);
            // the same master key is wrapped per account and the blobs are sealed under the key derived from it: the
            // wrapped keys and the sealed bytes move as they are, nothing is decrypted on the way
            java.util.Map<String, AccountFile.Entry> entries = AccountFile.read(directory);
            KeyRing ring = new DbKeyRing(ws.db()::connection, ws.db().where());
            entries.forEach((id, entry) -> ring.update(id, old -> Optional.of(entry)));
            EncryptedBlobStore files = (EncryptedBlobStore) ws.blobs();
            PgBlobStore rows = new PgBlobStore(ws.db(), ws.keys().blobKey(), userId);
            java.util.List<String> hashes = files.list();
            for (String hash : hashes) {
                rows.putSealed(hash, files.sealed(hash));
            }
            ws.write(tx -> tx.audit(userId, org.insyn.core.model.AuditAction.WORKSPACE_MIGRATED, Optional.empty(), "workspace",
                    "accounts=" + entries.size() + " blobs=" + hashes.size()));
            // from now on the keys are read from the database; the old file stays beside it for the record
            Files.move(directory.resolve(AccountFile.NAME), directory.resolve(AccountFile.NAME + ".moved"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Moved(entries.size(), hashes.size());
        } catch (IOException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    @Override
    public Workspace signIn(WorkspaceConfig config, String userId, char[] password) {
        if (isNew(config)) {
            throw InsynException.invalid("store.notAWorkspace", config.directory());
        }
        SignIn.Opened opened = signIn.open(keyRing(config), userId, password);
        Db db = config.postgresUrl().isPresent()
                ? Db.shared(config.postgresUrl().get(), opened.login().orElseThrow(() -> InsynException.invalid("store.noLogin", userId)),
                        opened.keys().databasePassword().orElseThrow(() -> InsynException.invalid("store.noLogin", userId)))
                : Db.embedded(config.directory(), opened.keys().databaseFilePassword());
        StoreWorkspace ws = new StoreWorkspace(db, opened.keys(), config, userId, signIn);
        try {
            ws.signedIn(opened.failedBefore());
            // finishes the file removals of deletions committed before a crash (R10, R14)
            ws.sweep();
            return ws;
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }
}
