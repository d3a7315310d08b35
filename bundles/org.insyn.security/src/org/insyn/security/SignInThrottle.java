package org.insyn.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few failures each further attempt must wait, twice as long each time,
 * up to a cap; and after {@code lockAfter} failures the account is locked until an administrator unlocks it.
 */
public final class SignInThrottle {
    private final int freeFailures;
    private final int lockAfter;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant last) {
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

    /** How long the user must still wait before the next attempt, if at all. */
    public Optional<Duration> delay(String user) {
        State s = states.get(user);
        if (s == null || s.failures() < freeFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), s.last().plus(delayAfter(s.failures())));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public boolean locked(String user) {
        State s = states.get(user);
        return s != null && s.failures() >= lockAfter;
    }

    public void failed(String user) {
        states.merge(user, new State(1, clock.instant()), (old, one) -> new State(old.failures() + 1, clock.instant()));
    }

    public void succeeded(String user) {
        states.remove(user);
    }

    /** An administrator's unlock. */
    public void unlock(String user) {
        states.remove(user);
    }

    Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        Duration d = Duration.ofSeconds(1L << Math.min(over, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
