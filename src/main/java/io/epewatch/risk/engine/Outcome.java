package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a rule puts what it found, bound to that rule while it runs: warnings raised or resolved, checks asked. */
final class Outcome {

    private final Situation situation;
    private final Agenda agenda;
    private final List<WarningChange> changes = new ArrayList<>();
    private Rule rule;

    Outcome(Situation situation, Agenda agenda) {
        this.situation = situation;
        this.agenda = agenda;
    }

    void bind(Rule rule) {
        this.rule = rule;
    }

    /**
     * Raises the warning about {@code subject}; when it is open already it merges (a changed evidence counts one more
     * occurrence, the same evidence is a repeat and changes nothing).
     */
    void raise(String subject, String enterprise, Instant occurredAt, Long gateEventId, String english,
               String vietnamese, Map<String, Object> evidence) {
        String key = rule.code() + '|' + subject;
        Open known = situation.warning(key);
        if (known == null) {
            Finding finding = new Finding(key, rule.code(), enterprise, occurredAt, rule.severity(), rule.score(),
                    gateEventId, english, vietnamese, evidence);
            situation.remember(new Open(finding));
            changes.add(new WarningChange.Raised(finding));
            return;
        }
        int hash = evidence.hashCode();
        if (known.resolved) {
            known.resolved = false;
            known.evidenceHash = hash;
            changes.add(new WarningChange.Raised(again(known, english, vietnamese, evidence)));
            return;
        }
        if (known.evidenceHash == hash) {
            return;
        }
        known.occurrences++;
        known.evidenceHash = hash;
        changes.add(new WarningChange.Merged(again(known, english, vietnamese, evidence), known.occurrences));
    }

    void resolve(String subject, String reason) {
        Open known = situation.warning(rule.code() + '|' + subject);
        if (known != null && !known.resolved) {
            known.resolved = true;
            changes.add(new WarningChange.Resolved(known.key, reason, situation.clock()));
        }
    }

    boolean isOpen(String subject) {
        Open known = situation.warning(rule.code() + '|' + subject);
        return known != null && !known.resolved;
    }

    /** Asks for {@link Rule#due} at {@code at}, once facts up to the enterprise's lateness have had time to come. */
    void check(String subject, String enterprise, Instant at) {
        agenda.schedule(rule.code(), subject, enterprise, at, at.plus(situation.thresholds(enterprise).lateness()));
    }

    /** Asks for {@link Rule#due} as soon as the fact (or batch) being read is in: for late facts, judged at once. */
    void checkNow(String subject, String enterprise) {
        agenda.schedule(rule.code(), subject, enterprise, situation.clock(), situation.clock());
    }

    List<WarningChange> drain() {
        List<WarningChange> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    /** The warning found again; repeats make it more urgent: five points each, up to 100. */
    private Finding again(Open known, String english, String vietnamese, Map<String, Object> evidence) {
        int score = Math.min(100, rule.score() + 5 * (known.occurrences - 1));
        return new Finding(known.key, known.rule, known.enterprise, known.occurredAt, rule.severity(), score,
                known.gateEventId, english, vietnamese, evidence);
    }
}
