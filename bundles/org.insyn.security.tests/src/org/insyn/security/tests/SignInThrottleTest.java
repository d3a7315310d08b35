package org.insyn.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.insyn.security.SignInThrottle;
import org.insyn.security.SignInThrottle.Attempts;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final SignInThrottle throttle = new SignInThrottle(3, 10, Duration.ofMinutes(5), clock);

    Attempts failures(Attempts from, int n) {
        Attempts a = from;
        for (int i = 0; i < n; i++) {
            a = throttle.failed(a);
        }
        return a;
    }

    @Test
    void firstFailuresCostNothingThenTheDelayDoubles() {
        Attempts anna = Attempts.NONE;
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.delay(anna));
            anna = throttle.failed(anna);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.delay(anna));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), throttle.delay(anna));
        anna = throttle.failed(anna);
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.delay(anna));
        anna = throttle.failed(anna);
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.delay(anna));
        assertEquals(Optional.empty(), throttle.delay(Attempts.NONE), "an account without failures is not slowed");
    }

    @Test
    void lockedAfterTenFailures() {
        Attempts nine = failures(Attempts.NONE, 9);
        assertFalse(throttle.locked(nine));
        assertTrue(throttle.locked(throttle.failed(nine)));
        assertFalse(throttle.locked(Attempts.NONE), "an unlock starts again from no failures");
    }

    @Test
    void delayIsCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(64)), throttle.delay(failures(Attempts.NONE, 9)));
        SignInThrottle capped = new SignInThrottle(0, 100, Duration.ofMinutes(5), clock);
        Attempts a = Attempts.NONE;
        for (int i = 0; i < 30; i++) {
            a = capped.failed(a);
        }
        assertEquals(Optional.of(Duration.ofMinutes(5)), capped.delay(a));
    }
}
