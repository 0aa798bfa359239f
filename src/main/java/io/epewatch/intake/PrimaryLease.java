package io.epewatch.intake;

/**
 * The primary's grant from the backup, kept in memory only: a primary that restarts holds none until the backup grants
 * it again, so it can never take declarations on a lease from before it died. Time is the monotonic clock, which a
 * wall-clock step cannot move.
 */
final class PrimaryLease {

    private volatile long validUntilNanos = Long.MIN_VALUE;
    private volatile boolean held;

    void extend(long untilNanos) {
        validUntilNanos = untilNanos;
        held = true;
    }

    void drop() {
        held = false;
    }

    boolean valid() {
        return held && System.nanoTime() - validUntilNanos < 0;
    }
}
