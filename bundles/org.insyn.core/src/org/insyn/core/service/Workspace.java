package org.insyn.core.service;

import java.util.List;

import org.insyn.core.model.Unit;
import org.insyn.core.model.User;

/** An opened workspace: its units and users, the acting sessions, the audit trail and the blob store. */
public interface Workspace extends AutoCloseable {

    /** Creates or changes a unit; audited as done by {@code actorId}. */
    Unit saveUnit(String actorId, Unit unit);

    /** Creates or changes a user; audited as done by {@code actorId}. */
    User saveUser(String actorId, User user);

    List<Unit> units();

    List<User> users();

    /** Everything done through the session is checked against the policy and audited as this user. */
    Session session(String userId);

    AuditTrail audit();

    BlobStore blobs();

    NetworkLog networkLog();

    /** What the search index reads from the store: single items after a change, everything for a rebuild. */
    IndexSource indexSource();

    /** Re-walks the audit chain and re-hashes every blob the store refers to (R16, R17). */
    VerifyReport verify();

    /** Told of every change after it is committed, e.g. to keep the index in step (the store is the truth). */
    void addListener(StoreListener listener);

    void removeListener(StoreListener listener);

    @Override
    void close();
}
