package org.insyn.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.AuditTrail;
import org.insyn.core.service.BlobStore;
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

/** A workspace opened on its database and blob store. */
public final class StoreWorkspace implements Workspace, AuditTrail, NetworkLog {
    private final Db db;
    private final EncryptedBlobStore blobs;
    private final Path exports;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    /** Something was deleted: its old copies leave the database file when it is closed compacted. */
    private volatile boolean deletedSinceOpen;

    /** @param exports the folder of cached exports, one subfolder per case ({@link WorkspaceConfig#exports()}) */
    public StoreWorkspace(Db db, EncryptedBlobStore blobs, Path exports) {
        this.db = db;
        this.blobs = blobs;
        this.exports = exports;
    }

    public Db db() {
        return db;
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
        Tx tx;
        T result;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                tx = new Tx(c);
                result = work.run(tx);
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
            List<StoreEvent> events = List.copyOf(tx.events);
            listeners.forEach(l -> {
                try {
                    l.changed(events);
                } catch (RuntimeException e) {
                    // a listener's failure must not undo or hide a committed change
                    System.getLogger(StoreWorkspace.class.getName()).log(System.Logger.Level.WARNING, "listener failed", e);
                }
            });
        }
        return result;
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
            if (!blobsGoing.isEmpty()) {
                Db.stream(tx.c, "SELECT artifacts, manifest_sha256 FROM capture", rs -> new String[] { rs.getString(1), rs.getString(2) },
                        row -> {
                            blobsGoing.remove(row[1]);
                            blobsGoing.removeAll(Json.stringMap(row[0]).values());
                        });
            }
            blobsGoing.forEach(blobs::delete);
            for (String caseId : caseExports) {
                deleteTree(exports.resolve(caseId));
            }
            Db.update(tx.c, "DELETE FROM released_file");
            return null;
        });
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    <T> T read(Read<T> read) {
        try (Connection c = db.connection()) {
            return read.run(c);
        } catch (SQLException e) {
            throw EncryptedBlobStore.storage(e);
        }
    }

    // ---- units and users -----------------------------------------------------------------------------------

    @Override
    public Unit saveUnit(String actorId, Unit unit) {
        return write(tx -> {
            requireAdministrator(tx.c, actorId);
            if (Db.update(tx.c, "UPDATE unit SET name = ?, review_policy = ? WHERE id = ?", unit.name(),
                    unit.reviewPolicy(), unit.id()) == 0) {
                Db.update(tx.c, "INSERT INTO unit (id, name, review_policy) VALUES (?, ?, ?)", unit.id(), unit.name(),
                        unit.reviewPolicy());
            }
            tx.audit(actorId, AuditAction.UNIT_SAVED, Optional.empty(), "unit:" + unit.id(),
                    "review=" + unit.reviewPolicy().name().toLowerCase());
            return unit;
        });
    }

    @Override
    public User saveUser(String actorId, User user) {
        return write(tx -> {
            requireAdministrator(tx.c, actorId);
            for (String unitId : user.unitIds()) {
                if (unit(tx.c, unitId).isEmpty()) {
                    throw InsynException.notFound("unit", unitId);
                }
            }
            String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
            String units = String.join(",", new TreeSet<>(user.unitIds()));
            if (Db.update(tx.c, "UPDATE app_user SET display_name = ?, roles = ?, unit_ids = ?, enabled = ? WHERE id = ?",
                    user.displayName(), roles, units, user.enabled(), user.id()) == 0) {
                Db.update(tx.c, "INSERT INTO app_user (id, display_name, roles, unit_ids, enabled) VALUES (?, ?, ?, ?, ?)",
                        user.id(), user.displayName(), roles, units, user.enabled());
            }
            tx.audit(actorId, AuditAction.USER_SAVED, Optional.empty(), "user:" + user.id(),
                    "roles=" + roles + " units=" + units + " enabled=" + user.enabled());
            return user;
        });
    }

    /** Accounts and units are an administrator's; the very first account is made by whoever sets the workspace up. */
    private static void requireAdministrator(Connection c, String actorId) throws SQLException {
        boolean anyUser = Db.one(c, "SELECT 1 FROM app_user", rs -> Boolean.TRUE).isPresent();
        if (!anyUser) {
            return;
        }
        Optional<User> actor = user(c, actorId);
        if (actor.isEmpty() || !actor.get().enabled() || !actor.get().has(Role.ADMINISTRATOR)) {
            throw InsynException.refused(Rule.R9, "policy.roleMissing", Role.ADMINISTRATOR);
        }
    }

    @Override
    public List<Unit> units() {
        return read(c -> Db.query(c, "SELECT * FROM unit ORDER BY id", StoreWorkspace::unitRow));
    }

    @Override
    public List<User> users() {
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

    private static User userRow(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("display_name"), split(rs.getString("roles")).stream()
                .map(Role::valueOf).collect(Collectors.toSet()), split(rs.getString("unit_ids")), rs.getBoolean("enabled"));
    }

    private static Set<String> split(String s) {
        return s.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(s.split(",")));
    }

    @Override
    public Session session(String userId) {
        User user = read(c -> user(c, userId)).filter(User::enabled)
                .orElseThrow(() -> InsynException.notFound("user", userId));
        return new StoreSession(this, user);
    }

    // ---- audit trail (R16) ---------------------------------------------------------------------------------

    @Override
    public AuditTrail audit() {
        return this;
    }

    @Override
    public List<AuditEntry> entries(Optional<Long> caseId, long fromSeq, int limit) {
        return read(c -> caseId.isPresent()
                ? Db.query(c, "SELECT * FROM audit WHERE case_id = ? AND seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                        StoreWorkspace::auditRow, caseId.get(), fromSeq, limit)
                : Db.query(c, "SELECT * FROM audit WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                        StoreWorkspace::auditRow, fromSeq, limit));
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
    public AuditEntry record(String actorId, AuditAction action, Optional<Long> caseId, String target, String detail) {
        return write(tx -> tx.audit(actorId, action, caseId, target, detail));
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
            List<AuditEntry> all = Db.query(c, "SELECT * FROM audit ORDER BY seq", StoreWorkspace::auditRow);
            return new VerifyReport(all.size(), 0, AuditChain.verify(all, stored, expected));
        });
    }

    /** R16, R17: the chain, and every blob a capture refers to, re-hashed. */
    @Override
    public VerifyReport verify() {
        VerifyReport chain = verify(Optional.empty());
        List<Problem> problems = new ArrayList<>(chain.problems());
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

    @Override
    public NetworkRequest record(NetworkRequest r) {
        long id = read(c -> Db.insert(c, "INSERT INTO network_request (at_ms, user_id, purpose, method, url, status, bytes,"
                + " millis, outcome, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.at(), r.userId(), r.purpose(),
                r.method(), r.url(), r.status(), r.bytes(), r.millis(), r.outcome(), r.runId()));
        return new NetworkRequest(id, r.at(), r.userId(), r.purpose(), r.method(), r.url(), r.status(), r.bytes(),
                r.millis(), r.outcome(), r.runId());
    }

    @Override
    public List<NetworkRequest> recent(int limit) {
        return read(c -> Db.query(c, "SELECT * FROM network_request ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                rs -> new NetworkRequest(rs.getLong("id"), Db.instant(rs, "at_ms"), rs.getString("user_id"),
                        rs.getString("purpose"), rs.getString("method"), rs.getString("url"), rs.getInt("status"),
                        rs.getLong("bytes"), rs.getLong("millis"), rs.getString("outcome"), Db.optLong(rs, "run_id")),
                limit));
    }

    // ---- the rest ------------------------------------------------------------------------------------------

    @Override
    public EncryptedBlobStore blobs() {
        return blobs;
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
        if (deletedSinceOpen) {
            db.closeCompacted();
        } else {
            db.close();
        }
    }
}
