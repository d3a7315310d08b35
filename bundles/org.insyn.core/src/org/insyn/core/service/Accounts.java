package org.insyn.core.service;

import java.util.List;

import org.insyn.core.model.User;

/**
 * R9: the accounts of a workspace. Administrators create, change and disable them; everyone changes their own
 * password. Every change is audited (R16). Accounts are never deleted: the audit trail names them.
 */
public interface Accounts {

    /** Every account, enabled or not. */
    List<User> list();

    /** A new, enabled account that signs in with {@code password}. */
    User create(User user, char[] password);

    /** New display name, roles or units; takes effect with the person's next call. {@code enabled} must stay as it is. */
    User change(User user);

    /** The account can no longer sign in or open the workspace: its wrapped key is removed; a running session stops. */
    User disable(String userId);

    /** Enables a disabled account again with a new password. */
    User enable(String userId, char[] password);

    /** An administrator sets a new password, e.g. when one was forgotten; also unlocks the account. */
    void resetPassword(String userId, char[] password);

    /** Clears the failed sign-in attempts of an account locked by them. */
    void unlock(String userId);

    /** The signed-in person's own new password; only their wrapped key changes, nothing is re-encrypted. */
    void changePassword(char[] oldPassword, char[] newPassword);
}
