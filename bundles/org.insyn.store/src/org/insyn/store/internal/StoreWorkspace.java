package org.insyn.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Accounts;
import org.insyn.core.service.AuditTrail;
import org.insyn.core.service.IndexSource;
import org.insyn.core.service.NetworkLog;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.StoreListener;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;

/**
 * A workspace opened by one signed-in person on its database and blob store. Every call first checks that the
 * workspace is not locked (R9: after the idle time without a call by the person, or by {@link #lock()}).
 */
public final class StoreWorkspace implements Workspace, AuditTrail, NetworkLog {
    private final Db db;
    private final SealedBlobs blobs;
    private final KeyRing keyRing;
    private final Path exports;
    private final WorkspaceKeys keys;
    private final Path directory;
    private final String userId;
    private final SignIn signIn;
    private final long idleNanos;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    /** Something was deleted: its old copies leave the database file when it is closed compacted. */
    private volatile boolean deletedSinceOpen;
    private final StoreAccounts accounts;
    private final StoreSession session;
    private volatile long lastUse = System.nanoTime();
    /** Marks this process's rows on the change feed, so its feed does not tell its listeners twice. */
    private final String origin = java.util.UUID.randomUUID().toString();
    /** The last change on the feed the listeners have been told of. */
    private volatile long position;
    private volatile Optional<ChangeFeed> feed = Optional.empty();
    private volatile boolean locked;

    StoreWorkspace(Db db, WorkspaceKeys keys, WorkspaceConfig config, String userId, SignIn signIn) {
        this.db = db;
        this.keys = keys;
        this.directory = config.directory();
        // shared mode keeps keys and blobs in the database, but a shared folder made before that works until migrated
        boolean inDatabase = db.postgres() && !AccountFile.exists(directory);
        this.keyRing = inDatabase ? new DbKeyRing(db::connection, db.where()) : KeyRing.file(directory);
        this.blobs = inDatabase ? new PgBlobStore(db, keys.blobKey(), userId)
                : new EncryptedBlobStore(directory.resolve("blobs"), keys.blobKey());
        this.exports = config.exports();
        this.userId = userId;
        this.signIn = signIn;
        this.idleNanos = config.idleLock().toNanos();
        this.accounts = new StoreAccounts(this);
        this.session = new StoreSession(this, userId);
    }

    public Db db() {
        return db;
    }

    WorkspaceKeys keys() {
        return keys;
    }

    Path directory() {
        return directory;
    }

    String userId() {
        return userId;
    }

    SignIn signIn() {
        return signIn;
    }

    KeyRing keyRing() {
        return keyRing;
    }

    /** A workspace-level call by the person, refused while locked and audited when refused (R16). */
    <T> T guard(String target, Supplier<T> call) {
        return session.guard(target, Optional.empty(), call);
    }

    // ---- sign-in and the idle lock (R9) --------------------------------------------------------------------

    /**
     * Completes a sign-in once the database is open: the account must be stored, enabled and as the audit trail
     * left it (R16); the sign-in goes on the trail.
     */
    void signedIn(int failedBefore) {
        write(tx -> {
            User u = user(tx.c, userId).orElseThrow(() -> accountGone(userId));
            AccountChecks.requireAudited(tx.c, u);
            if (!u.enabled()) {
                throw accountGone(userId);
            }
            tx.audit(userId, AuditAction.SIGNED_IN, Optional.empty(), AccountChecks.target(u),
                    failedBefore == 0 ? "" : "after " + failedBefore + " failed attempts");
            return null;
        });
        position = read(c -> Db.one(c, "SELECT MAX(seq) FROM change_feed", rs -> rs.getLong(1)).orElse(0L));
        // shared mode: others' commits reach this person's index and views (on the embedded file there are no others)
        db.shared().ifPresent(s -> {
            ChangeFeed f = new ChangeFeed(this, s.channel());
            feed = Optional.of(f);
            f.start();
        });
    }

    String origin() {
        return origin;
    }

    long position() {
        return position;
    }

    /** The feed has told the listeners of every change up to this one. */
    void advance(long seq) {
        position = Math.max(position, seq);
    }

    static InsynException accountGone(String userId) {
        return new InsynException(InsynException.Kind.LOCKED, Optional.of(Rule.R9), "store.accountDisabled", userId);
    }

    /** A call by the person: refused while locked, and it restarts the idle time. */
    void touch() {
        requireUnlocked();
        lastUse = System.nanoTime();
    }

    void requireUnlocked() {
        if (locked()) {
            throw new InsynException(InsynException.Kind.LOCKED, Optional.of(Rule.R9), "store.workspaceLocked");
        }
    }

    @Override
    public boolean locked() {
        if (!locked && System.nanoTime() - lastUse > idleNanos) {
            locked = true;
        }
        return locked;
    }

    @Override
    public void lock() {
        locked = true;
    }

    @Override
    public void unlock(char[] password) {
        SignIn.Opened opened = signIn.open(keyRing, userId, password);
        if (!opened.keys().sameMaster(keys)) {
            // the account's entry no longer holds this workspace's key: replaced outside Insyn
            throw new InsynException(InsynException.Kind.INTEGRITY, Optional.of(Rule.R9), "store.keyDoesNotFit", directory);
        }
        locked = false;
        lastUse = System.nanoTime();
        write(tx -> {
            User u = user(tx.c, userId).filter(User::enabled).orElseThrow(() -> accountGone(userId));
            tx.audit(userId, AuditAction.UNLOCKED, Optional.empty(), AccountChecks.target(u), "");
            return null;
        });
    }

    // ---- transactions --------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction with the audit head locked; listeners hear of it once it is committed. */
    <T> T write(Work<T> work) {
        requireUnlocked();
        Tx tx;
        T result;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                tx = new Tx(c);
                result = work.run(tx);
                tx.publish(origin, db.shared().map(SharedSchema::channel));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
        tx.afterCommit.forEach(Runnable::run);
        deletedSinceOpen |= tx.events.stream().anyMatch(StoreEvent::deleted);
        if (!tx.events.isEmpty()) {
            tell(List.copyOf(tx.events));
            if (feed.isEmpty()) {
                // alone on the database: the feed's numbers up to this transaction's are all told
                advance(tx.lastChange);
            }
        }
        return result;
    }

    /**
     * Tells the listeners of committed changes; false when one of them could not take them because the workspace
     * locked meanwhile (R9), so the change feed tells them again once it is unlocked.
     */
    boolean tell(List<StoreEvent> events) {
        boolean told = true;
        for (StoreListener l : listeners) {
            try {
                l.changed(events);
            } catch (InsynException e) {
                told &= e.kind() != InsynException.Kind.LOCKED;
                if (e.kind() != InsynException.Kind.LOCKED) {
                    System.getLogger(StoreWorkspace.class.getName()).log(System.Logger.Level.WARNING, "listener failed", e);
                }
            } catch (RuntimeException e) {
                // a listener's failure must not undo or hide a committed change
                System.getLogger(StoreWorkspace.class.getName()).log(System.Logger.Level.WARNING, "listener failed", e);
            }
        }
        return told;
    }

    // ---- files of deleted items (R3, R10, R14) -------------------------------------------------------------

    /**
     * Marks the blobs of the captures, before their rows are deleted in the same transaction, and the case's cached
     * exports for removal; the files go with the next {@link #sweep()}, which the caller runs after the commit.
     */
    void release(Tx tx, Collection<Long> captureIds, Optional<Long> caseId) throws SQLException {
        Set<String> hashes = new TreeSet<>();
        for (List<Long> part : chunks(List.copyOf(captureIds))) {
            for (String[] row : Db.query(tx.c, "SELECT artifacts, manifest_sha256 FROM capture WHERE id IN " + Db.in(part.size()),
                    rs -> new String[] { rs.getString(1), rs.getString(2) }, part.toArray())) {
                hashes.addAll(Json.stringMap(row[0]).values());
                hashes.add(row[1]);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        long now = System.currentTimeMillis();
        hashes.forEach(h -> rows.add(new Object[] { "BLOB", h, now, "BLOB", h }));
        caseId.ifPresent(id -> rows.add(new Object[] { "EXPORTS", id.toString(), now, "EXPORTS", id.toString() }));
        Db.batch(tx.c, "INSERT INTO released_file (kind, name, released) SELECT ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM released_file WHERE kind = ? AND name = ?)", rows);
    }

    /** Lists of at most a thousand, for IN clauses. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            parts.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return parts;
    }

    /**
     * Removes the released files: blobs no capture refers to any more (a blob shared with a capture that stays is
     * kept), and cached exports. Runs with the chain head locked, so no capture can be saved meanwhile with a blob that
     * is going; the rows go only once the files are gone, so a crash halfway is finished by the next sweep.
     */
    void sweep() {
        if (read(c -> Db.one(c, "SELECT 1 FROM released_file", rs -> true)).isEmpty()) {
            return;
        }
        write(tx -> {
            Set<String> blobsGoing = new HashSet<>();
            List<String> caseExports = new ArrayList<>();
            for (String[] f : Db.query(tx.c, "SELECT kind, name FROM released_file", rs -> new String[] { rs.getString(1), rs.getString(2) })) {
                (f[0].equals("BLOB") ? blobsGoing : caseExports).add(f[1]);
            }
            if (!blobsGoing.isEmpty() && db.postgres()) {
                // a login sees only its units' captures (R9), but a blob may be another unit's too: the database answers
                blobsGoing.removeAll(Db.query(tx.c, "SELECT insyn_blobs_in_use(?)", rs -> rs.getString(1),
                        tx.c.createArrayOf("varchar", blobsGoing.toArray())));
            } else if (!blobsGoing.isEmpty()) {
                Db.stream(tx.c, "SELECT artifacts, manifest_sha256 FROM capture", rs -> new String[] { rs.getString(1), rs.getString(2) },
                        row -> {
                            blobsGoing.remove(row[1]);
                            blobsGoing.removeAll(Json.stringMap(row[0]).values());
                        });
            }
            blobsGoing.forEach(blobs::delete);
            for (String caseId : caseExports) {
                try {
                    CaseExports.delete(exports, Long.parseLong(caseId));
                } catch (IOException e) {
                    throw EncryptedBlobStore.storage(e);
                }
            }
            Db.update(tx.c, "DELETE FROM released_file");
            return null;
        });
    }

    <T> T read(Read<T> read) {
        requireUnlocked();
        try (Connection c = db.connection()) {
            return read.run(c);
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    // ---- units and users -----------------------------------------------------------------------------------

    @Override
    public User user() {
        touch();
        return read(c -> user(c, userId)).orElseThrow(() -> accountGone(userId));
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Unit saveUnit(Unit unit) {
        return guard(AccountChecks.target(unit), () -> write(tx -> {
            requireAdministrator(tx.c);
            if (Db.update(tx.c, "UPDATE unit SET name = ?, review_policy = ? WHERE id = ?", unit.name(),
                    unit.reviewPolicy(), unit.id()) == 0) {
                Db.update(tx.c, "INSERT INTO unit (id, name, review_policy) VALUES (?, ?, ?)", unit.id(), unit.name(),
                        unit.reviewPolicy());
            }
            tx.audit(userId, AuditAction.UNIT_SAVED, Optional.empty(), AccountChecks.target(unit), AccountChecks.detail(unit));
            return unit;
        }));
    }

    /** Accounts and units are an administrator's: the signed-in person's account as stored now must say so. */
    User requireAdministrator(Connection c) throws SQLException {
        User actor = user(c, userId).filter(User::enabled).orElseThrow(() -> accountGone(userId));
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw InsynException.refused(Rule.R9, "policy.roleMissing", Role.ADMINISTRATOR);
        }
        return actor;
    }

    @Override
    public List<Unit> units() {
        touch();
        return read(c -> Db.query(c, "SELECT * FROM unit ORDER BY id", StoreWorkspace::unitRow));
    }

    @Override
    public List<User> users() {
        touch();
        return read(c -> Db.query(c, "SELECT * FROM app_user ORDER BY id", StoreWorkspace::userRow));
    }

    static Optional<Unit> unit(Connection c, String id) throws SQLException {
        return Db.one(c, "SELECT * FROM unit WHERE id = ?", StoreWorkspace::unitRow, id);
    }

    static Optional<User> user(Connection c, String id) throws SQLException {
        return Db.one(c, "SELECT * FROM app_user WHERE id = ?", StoreWorkspace::userRow, id);
    }

    private static Unit unitRow(ResultSet rs) throws SQLException {
        return new Unit(rs.getString("id"), rs.getString("name"), ReviewPolicy.valueOf(rs.getString("review_policy")));
    }

    static User userRow(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("display_name"), split(rs.getString("roles")).stream()
                .map(Role::valueOf).collect(Collectors.toSet()), split(rs.getString("unit_ids")), rs.getBoolean("enabled"));
    }

    private static Set<String> split(String s) {
        return s.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(s.split(",")));
    }

    // ---- audit trail (R16) ---------------------------------------------------------------------------------

    @Override
    public AuditTrail audit() {
        return this;
    }

    /**
     * R9, R16: the entries of a case for those who may see the case; the whole trail, also of erased cases, for
     * administrators, who keep it; for supervisors, who oversee their units, the entries of their units' cases and
     * those without a case by the people of their units.
     */
    @Override
    public List<AuditEntry> entries(Optional<Long> caseId, long fromSeq, int limit) {
        boolean administrator = user().has(Role.ADMINISTRATOR);
        if (caseId.isPresent() && !administrator) {
            session.caseFile(caseId.get());
        }
        return guard(caseId.map(id -> "case:" + id).orElse("audit"), () -> read(c -> {
            if (caseId.isPresent() || administrator) {
                return Db.query(c, "SELECT * FROM audit WHERE " + (caseId.isPresent() ? "case_id = ? AND " : "")
                        + "seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY", StoreWorkspace::auditRow,
                        caseId.isPresent() ? new Object[] { caseId.get(), fromSeq, limit } : new Object[] { fromSeq, limit });
            }
            User me = requireSupervisor(c);
            List<String> people = colleagues(c, me);
            List<Object> args = new ArrayList<>(me.unitIds());
            args.addAll(people);
            args.add(fromSeq);
            args.add(limit);
            return Db.query(c, "SELECT * FROM audit WHERE (case_id IN (SELECT id FROM case_file WHERE unit_id IN "
                    + Db.in(me.unitIds().size()) + ") OR case_id IS NULL AND actor_id IN " + Db.in(people.size())
                    + ") AND seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY", StoreWorkspace::auditRow, args.toArray());
        }));
    }

    private User requireSupervisor(Connection c) throws SQLException {
        User me = user(c, userId).filter(User::enabled).orElseThrow(() -> accountGone(userId));
        if (!me.has(Role.SUPERVISOR) || me.unitIds().isEmpty()) {
            throw InsynException.refused(Rule.R9, "policy.roleMissing", Role.SUPERVISOR);
        }
        return me;
    }

    /** The people who share a unit with this person, the person included. */
    private static List<String> colleagues(Connection c, User me) throws SQLException {
        return Db.query(c, "SELECT * FROM app_user", StoreWorkspace::userRow).stream()
                .filter(u -> u.id().equals(me.id()) || u.unitIds().stream().anyMatch(me::belongsTo)).map(User::id).toList();
    }

    static AuditEntry auditRow(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Db.instant(rs, "at_ms"), rs.getString("actor_id"),
                AuditAction.valueOf(rs.getString("action")), Db.optLong(rs, "case_id"), rs.getString("target"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    /**
     * R16: puts on the trail an action that changes nothing in the store (a case viewed, an export made); the entry
     * is chained like every other.
     */
    public AuditEntry record(AuditAction action, Optional<Long> caseId, String target, String detail) {
        return write(tx -> tx.audit(userId, action, caseId, target, detail));
    }

    @Override
    public ChainHead head() {
        return read(c -> Db.one(c, "SELECT seq, hash FROM audit_head WHERE id = 1",
                rs -> new ChainHead(rs.getLong(1), rs.getString(2))).orElseThrow());
    }

    @Override
    public VerifyReport verify(Optional<ChainHead> expected) {
        return read(c -> {
            ChainHead stored = Db.one(c, "SELECT seq, hash FROM audit_head WHERE id = 1",
                    rs -> new ChainHead(rs.getLong(1), rs.getString(2))).orElse(new ChainHead(0, AuditChain.GENESIS));
            // Columns by position: looking each name up for every value of every row was a fifth of the walk.
            List<AuditEntry> all = Db.query(c, "SELECT seq, at_ms, actor_id, action, case_id, target, detail, previous_hash, hash"
                    + " FROM audit ORDER BY seq", rs -> {
                        long caseId = rs.getLong(5);
                        Optional<Long> onCase = rs.wasNull() ? Optional.empty() : Optional.of(caseId);
                        return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                AuditAction.valueOf(rs.getString(4)), onCase, rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9));
                    });
            return new VerifyReport(all.size(), 0, AuditChain.verify(all, stored, expected));
        });
    }

    /**
     * R16, R17, R9: the chain, accounts and units against it, every blob a capture refers to, re-hashed, every table
     * read to its end, and every blob no capture names.
     */
    @Override
    public VerifyReport verify() {
        VerifyReport chain = verify(Optional.empty());
        List<Problem> problems = new ArrayList<>(chain.problems());
        problems.addAll(read(c -> AccountChecks.check(c, Db.query(c, "SELECT * FROM app_user", StoreWorkspace::userRow),
                Db.query(c, "SELECT * FROM unit", StoreWorkspace::unitRow))));
        List<String[]> refs = read(c -> Db.query(c, "SELECT id, artifacts, manifest_sha256 FROM capture ORDER BY id",
                rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }));
        Set<String> checked = new TreeSet<>();
        for (String[] ref : refs) {
            List<String> hashes = new ArrayList<>(Json.stringMap(ref[1]).values());
            hashes.add(ref[2]);
            for (String hash : hashes) {
                if (!checked.add(hash)) {
                    continue;
                }
                try {
                    blobs.read(hash);
                } catch (InsynException e) {
                    problems.add(new Problem(e.kind() == InsynException.Kind.NOT_FOUND ? Kind.BLOB_MISSING : Kind.BLOB_CHANGED,
                            "blob " + hash, "capture " + ref[0]));
                }
            }
        }
        problems.addAll(read(StoreChecks::tables));
        if (!db.postgres()) {
            // in shared mode a login sees only its units' captures, so the others' blobs would look unknown;
            // released blobs are known too: the next sweep deletes them
            Set<String> known = new TreeSet<>(checked);
            known.addAll(read(c -> Db.query(c, "SELECT name FROM released_file WHERE kind = 'BLOB'", rs -> rs.getString(1))));
            problems.addAll(StoreChecks.unknownBlobs(blobs, known));
        }
        return new VerifyReport(chain.entriesChecked(), checked.size(), problems);
    }

    // ---- network log (R15) ---------------------------------------------------------------------------------

    @Override
    public NetworkLog networkLog() {
        return this;
    }

    @Override
    public IndexSource indexSource() {
        return new StoreIndexSource(this);
    }

    /** R15: requests are logged in the signed-in person's name only. */
    @Override
    public NetworkRequest record(NetworkRequest r) {
        if (!r.userId().equals(userId)) {
            throw InsynException.invalid("store.notYourRequest", r.userId());
        }
        long id = read(c -> Db.insert(c, "INSERT INTO network_request (at_ms, user_id, purpose, method, url, status, bytes,"
                + " millis, outcome, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.at(), r.userId(), r.purpose(),
                r.method(), r.url(), r.status(), r.bytes(), r.millis(), r.outcome(), r.runId()));
        return new NetworkRequest(id, r.at(), r.userId(), r.purpose(), r.method(), r.url(), r.status(), r.bytes(),
                r.millis(), r.outcome(), r.runId());
    }

    /** R15: administrators review every request, supervisors those of the people of their units; everyone else their own. */
    @Override
    public List<NetworkRequest> recent(int limit) {
        touch();
        return read(c -> {
            User me = user(c, userId).filter(User::enabled).orElseThrow(() -> accountGone(userId));
            List<String> whose = me.has(Role.ADMINISTRATOR) ? List.of() : me.has(Role.SUPERVISOR) ? colleagues(c, me) : List.of(userId);
            List<Object> args = new ArrayList<>(whose);
            args.add(limit);
            return Db.query(c, "SELECT * FROM network_request" + (whose.isEmpty() ? "" : " WHERE user_id IN " + Db.in(whose.size()))
                    + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", rs -> new NetworkRequest(rs.getLong("id"),
                            Db.instant(rs, "at_ms"), rs.getString("user_id"), rs.getString("purpose"), rs.getString("method"),
                            rs.getString("url"), rs.getInt("status"), rs.getLong("bytes"), rs.getLong("millis"),
                            rs.getString("outcome"), Db.optLong(rs, "run_id")), args.toArray());
        });
    }

    // ---- the rest ------------------------------------------------------------------------------------------

    @Override
    public SealedBlobs blobs() {
        return blobs;
    }

    @Override
    public SecretKey indexKey() {
        return keys.indexKey();
    }

    @Override
    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(StoreListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        locked = true;
        feed.ifPresent(ChangeFeed::close);
        if (deletedSinceOpen) {
            db.closeCompacted();
        } else {
            db.close();
        }
    }
}
