package io.epewatch.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting, in tests of several processes, for what another process does in its own time. */
public final class Eventually {

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} if it does not within {@code within}. */
    public static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}
