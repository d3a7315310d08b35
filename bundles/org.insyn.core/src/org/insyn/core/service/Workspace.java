package org.insyn.core.service;

import java.util.List;

import javax.crypto.SecretKey;

import org.insyn.core.model.Unit;
import org.insyn.core.model.User;

/**
 * A workspace opened by one signed-in person: their session, the accounts and units, the audit trail and the blob
 * store. After the configured idle time it locks: every call is refused (LOCKED) until {@link #unlock} gets the
 * person's password again.
 */
public interface Workspace extends AutoCloseable {

    /** The signed-in person, as their account stands now. */
    User user();

    /** Everything the person does is checked against the policy and audited as them. */
    Session session();

    /** Accounts, for administrators (and everyone's own password). */
    Accounts accounts();

    /** Creates or changes a unit; administrators only, audited. */
    Unit saveUnit(Unit unit);

    List<Unit> units();

    List<User> users();

    /** True once the workspace has locked itself after the idle time, or was locked by {@link #lock()}. */
    boolean locked();

    /** Locks now, e.g. when the person leaves the screen. */
    void lock();

    /**
     * Unlocks with the signed-in person's password (counted like a sign-in).
     *
     * @throws org.insyn.core.InsynException INVALID for a wrong password, LOCKED when the account was locked or
     *                                       disabled meanwhile
     */
    void unlock(char[] password);

    AuditTrail audit();

    BlobStore blobs();

    NetworkLog networkLog();

    /** What the search index reads from the store: single items after a change, everything for a rebuild. */
    IndexSource indexSource();

    /** R9: the key of the workspace's search index, derived from the workspace's master key. */
    SecretKey indexKey();

    /** Re-walks the audit chain, checks accounts and units against it and re-hashes every blob (R16, R17). */
    VerifyReport verify();

    /** Told of every change after it is committed, e.g. to keep the index in step (the store is the truth). */
    void addListener(StoreListener listener);

    void removeListener(StoreListener listener);

    @Override
    void close();
}
