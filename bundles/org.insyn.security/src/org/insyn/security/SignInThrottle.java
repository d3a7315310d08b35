package org.insyn.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing: after a few failures each further attempt must wait, twice as long each time, up to
 * a cap; and after {@code lockAfter} failures the account is locked until an administrator unlocks it. The failures
 * are kept by the caller ({@link Attempts}, stored beside the account's key), so they outlive the process.
 */
public final class SignInThrottle {
    private final int freeFailures;
    private final int lockAfter;
    private final Duration maxDelay;
    private final Clock clock;

    /** The failed attempts of one account since its last success. */
    public record Attempts(int failures, Instant last) {
        public static final Attempts NONE = new Attempts(0, Instant.EPOCH);
    }

    public SignInThrottle(int freeFailures, int lockAfter, Duration maxDelay, Clock clock) {
        this.freeFailures = freeFailures;
        this.lockAfter = lockAfter;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** 3 free failures, then 1 s, 2 s, 4 s … up to 5 minutes; locked after 10. */
    public static SignInThrottle standard() {
        return new SignInThrottle(3, 10, Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** How long the account must still wait before the next attempt, if at all. */
    public Optional<Duration> delay(Attempts a) {
        if (a.failures() < freeFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), a.last().plus(delayAfter(a.failures())));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public boolean locked(Attempts a) {
        return a.failures() >= lockAfter;
    }

    /** The attempts after one more failure now. */
    public Attempts failed(Attempts a) {
        return new Attempts(a.failures() + 1, clock.instant());
    }

    Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        Duration d = Duration.ofSeconds(1L << Math.min(over, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
