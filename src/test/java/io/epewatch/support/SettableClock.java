package io.epewatch.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The integration tests' clock: the system clock until a test moves it, so a test can let a deadline or an expiry pass
 * without waiting. The application is shared by every test of the run: a test that moves the clock puts it back
 * ({@link #reset()}) in a {@code finally} block or an {@code @AfterEach}. Prefer doing the first part of a test in the
 * past ({@code advance} by a negative amount) and then coming back to now over moving ahead: the risk engine's clock
 * only moves forward, and a tick it took in the future would fire every timed rule of the run early.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public SettableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves the clock ahead (or back, with a negative amount). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen in another zone (Vietnam's working days): moving one moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(offset, other);
    }
}
