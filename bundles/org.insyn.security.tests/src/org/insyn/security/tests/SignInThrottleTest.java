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

    @Test
    void firstFailuresCostNothingThenTheDelayDoubles() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.delay("anna"));
            throttle.failed("anna");
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.delay("anna"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), throttle.delay("anna"));
        throttle.failed("anna");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.delay("anna"));
        throttle.failed("anna");
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.delay("anna"));
        assertEquals(Optional.empty(), throttle.delay("sara"), "other accounts are not slowed");
    }

    @Test
    void lockedAfterTenFailuresUntilUnlocked() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("anna");
        }
        assertFalse(throttle.locked("anna"));
        throttle.failed("anna");
        assertTrue(throttle.locked("anna"));
        throttle.unlock("anna");
        assertFalse(throttle.locked("anna"));
    }

    @Test
    void successClearsTheCountAndDelayIsCapped() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("anna");
        }
        assertEquals(Optional.of(Duration.ofSeconds(64)), throttle.delay("anna"));
        SignInThrottle capped = new SignInThrottle(0, 100, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 30; i++) {
            capped.failed("x");
        }
        assertEquals(Optional.of(Duration.ofMinutes(5)), capped.delay("x"));
        throttle.succeeded("anna");
        assertEquals(Optional.empty(), throttle.delay("anna"));
    }
}
