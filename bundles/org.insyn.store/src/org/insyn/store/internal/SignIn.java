package org.insyn.store.internal;

import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.security.AccountKey;
import org.insyn.security.Argon2idParams;
import org.insyn.security.SignInThrottle;
import org.insyn.security.SignInThrottle.Attempts;
import org.insyn.security.WrongPasswordException;

/**
 * R9: a password against an account's wrapped key, with the throttle: a few free failures, then a growing wait,
 * then the account locks until an administrator unlocks it. Failures are written to the key file, so they count
 * across restarts and processes. The password is never stored, logged or put in a message.
 */
final class SignIn {
    /** A password needs at least this many characters. */
    static final int MIN_PASSWORD = 10;

    /** Overrides the Argon2id cost of keys made from now on, e.g. {@code -Dinsyn.argon2id=m=65536,t=3,p=1}. */
    static final String COST_PROPERTY = "insyn.argon2id";

    private final SignInThrottle throttle;
    private volatile AccountKey decoy;

    SignIn(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    /** What a right password opened, and how many failed attempts came before it. */
    record Opened(WorkspaceKeys keys, Optional<String> login, int failedBefore) {
    }

    Opened open(KeyRing ring, String userId, char[] password) {
        Optional<AccountFile.Entry> found = ring.entry(userId);
        if (found.isEmpty()) {
            // as slow as a real attempt, so the answer's timing does not tell which user names exist
            try {
                decoy().unwrap(password);
            } catch (WrongPasswordException expected) {
                // the decoy opens with no password
            }
            throw wrongPassword();
        }
        AccountFile.Entry entry = found.get();
        if (throttle.locked(entry.attempts())) {
            throw locked(userId);
        }
        Optional<java.time.Duration> wait = throttle.delay(entry.attempts());
        if (wait.isPresent()) {
            throw InsynException.invalid("store.signInWait", Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
        byte[] secret;
        try {
            secret = entry.key().unwrap(password);
        } catch (WrongPasswordException e) {
            Attempts[] after = new Attempts[1];
            ring.update(userId, old -> old.map(o -> o.withAttempts(after[0] = throttle.failed(o.attempts()))));
            throw after[0] != null && throttle.locked(after[0]) ? locked(userId) : wrongPassword();
        }
        if (entry.attempts().failures() > 0) {
            ring.update(userId, old -> old.map(o -> o.withAttempts(Attempts.NONE)));
        }
        return new Opened(WorkspaceKeys.of(secret), entry.login(), entry.attempts().failures());
    }

    /** The cost of keys made from now on: Argon2idParams.DEFAULT unless the system property says otherwise. */
    static Argon2idParams newKeyCost() {
        String configured = System.getProperty(COST_PROPERTY, "");
        return configured.isBlank() ? Argon2idParams.DEFAULT : Argon2idParams.decode(configured);
    }

    static void requireGoodPassword(char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw InsynException.invalid("store.passwordTooShort", MIN_PASSWORD);
        }
    }

    private AccountKey decoy() {
        if (decoy == null) {
            decoy = AccountKey.wrap(new byte[WorkspaceKeys.MASTER_BYTES], new char[0], newKeyCost());
        }
        return decoy;
    }

    private static InsynException wrongPassword() {
        return new InsynException(InsynException.Kind.INVALID, Optional.of(Rule.R9), "store.wrongPassword");
    }

    private static InsynException locked(String userId) {
        return new InsynException(InsynException.Kind.LOCKED, Optional.of(Rule.R9), "store.accountLocked", userId);
    }
}
