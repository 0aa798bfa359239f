package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The checks timed rules asked for ("has this delivery left by 20:00?"). A check fires once the engine's clock has
 * passed its time plus the lateness allowed, so facts that arrive a little out of order are judged as if in order.
 * One pending check per rule and subject: asking again for a later time keeps the earlier one.
 */
final class Agenda {

    /** @param at the rule's deadline; {@code fireAt} adds the lateness */
    record Check(String rule, String subject, String enterprise, Instant at, Instant fireAt, long seq) {
    }

    private final PriorityQueue<Check> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.fireAt().compareTo(b.fireAt());
        return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
    });
    private final Map<String, Check> pending = new HashMap<>();
    private long seq;

    void schedule(String rule, String subject, String enterprise, Instant at, Instant fireAt) {
        String key = rule + '|' + subject;
        Check current = pending.get(key);
        if (current != null && !current.fireAt().isAfter(fireAt)) {
            return;
        }
        Check check = new Check(rule, subject, enterprise, at, fireAt, seq++);
        pending.put(key, check);
        queue.add(check); // a replaced check stays queued and is skipped when it comes up
    }

    /** The next check due at {@code clock}, or null. */
    Check next(Instant clock) {
        while (!queue.isEmpty() && !queue.peek().fireAt().isAfter(clock)) {
            Check check = queue.poll();
            if (pending.get(check.rule() + '|' + check.subject()) == check) {
                pending.remove(check.rule() + '|' + check.subject());
                return check;
            }
        }
        return null;
    }

    /** When the next check fires, or null when none waits. */
    Instant nextFire() {
        while (!queue.isEmpty() && pending.get(queue.peek().rule() + '|' + queue.peek().subject()) != queue.peek()) {
            queue.poll(); // replaced by an earlier one
        }
        return queue.isEmpty() ? null : queue.peek().fireAt();
    }

    int size() {
        return pending.size();
    }
}
