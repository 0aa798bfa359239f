package io.epewatch.risk.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/** The signal from a committed transaction that queued facts to the engine's reader, which waits for it. */
@Component
class FactsQueued {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Returns at once if signalled since the last call, else after the next signal or {@code longest}. */
    void await(Duration longest) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                signalled.await(longest.toMillis(), TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
