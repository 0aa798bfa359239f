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
    private final Map<String, Map<String, Check>> pending = new HashMap<>(); // rule → subject → check
    private long seq;

    void schedule(String rule, String subject, String enterprise, Instant at, Instant fireAt) {
        Map<String, Check> ofRule = pending.computeIfAbsent(rule, r -> new HashMap<>());
        Check current = ofRule.get(subject);
        if (current != null && !current.fireAt().isAfter(fireAt)) {
            return;
        }
        Check check = new Check(rule, subject, enterprise, at, fireAt, seq++);
        ofRule.put(subject, check);
        queue.add(check); // a replaced check stays queued and is skipped when it comes up
    }

    /** The next check due at {@code clock}, or null. */
    Check next(Instant clock) {
        while (!queue.isEmpty() && !queue.peek().fireAt().isAfter(clock)) {
            Check check = queue.poll();
            if (current(check)) {
                pending.get(check.rule()).remove(check.subject());
                return check;
            }
        }
        return null;
    }

    /** When the next check fires, or null when none waits. */
    Instant nextFire() {
        while (!queue.isEmpty() && !current(queue.peek())) {
            queue.poll(); // replaced by an earlier one
        }
        return queue.isEmpty() ? null : queue.peek().fireAt();
    }

    int size() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    /** Whether the check is still the one waiting for its rule and subject (not replaced by an earlier one). */
    private boolean current(Check check) {
        Map<String, Check> ofRule = pending.get(check.rule());
        return ofRule != null && ofRule.get(check.subject()) == check;
    }
}
