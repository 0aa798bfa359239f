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
        fold(subject, rule.code() + '|' + subject, enterprise, occurredAt, gateEventId, english, vietnamese, evidence);
    }

    /**
     * Raises an occurrence about {@code subject} that folds into the warning about {@code group} (a container, a
     * vehicle, a camera down): the first open occurrence raises the warning; each further one only counts into it,
     * with its time, and is not raised again (issue 15). Each occurrence still resolves on its own; the warning
     * resolves with the last. Repeats make the warning more urgent: five points each, up to 100.
     */
    void raise(String subject, String group, String enterprise, Instant occurredAt, Long gateEventId, String english,
               String vietnamese, Map<String, Object> evidence) {
        // a container or a plate is a subject within one enterprise: the warning's key names the enterprise
        fold(subject, rule.code() + '|' + enterprise + '/' + group, enterprise, occurredAt, gateEventId, english, vietnamese, evidence);
    }

    private void fold(String subject, String groupKey, String enterprise, Instant occurredAt, Long gateEventId, String english,
                      String vietnamese, Map<String, Object> evidence) {
        String key = rule.code() + '|' + subject;
        WarningGroup folded = situation.group(groupKey, enterprise);
        Open known = situation.warning(key);
        int hash = evidence.hashCode();
        boolean raise;
        if (known == null || known.resolved) {
            raise = folded.open == 0; // nothing of the warning open: it is raised (again); else this counts into it
            folded.open++;
            if (known == null) {
                situation.remember(new Open(new Finding(key, rule.code(), enterprise, occurredAt, rule.severity(), rule.score(),
                        gateEventId, english, vietnamese, evidence, 1, occurredAt), folded.key));
                folded.occurred(occurredAt);
            } else {
                known.resolved = false;
                known.evidenceHash = hash;
            }
        } else if (known.evidenceHash == hash) {
            return; // the same evidence again: a repeat, nothing new
        } else {
            raise = false;
            known.evidenceHash = hash;
            folded.occurred(occurredAt); // found again with more evidence: one more occurrence
        }
        int score = Math.min(100, rule.score() + 5 * (folded.occurrences - 1));
        Finding finding = new Finding(folded.key, rule.code(), enterprise, folded.first, rule.severity(), score,
                raise || known == null ? gateEventId : known.gateEventId, english, vietnamese, evidence, folded.occurrences,
                folded.last);
        changes.add(raise ? new WarningChange.Raised(finding) : new WarningChange.Merged(finding, folded.occurrences));
    }

    void resolve(String subject, String reason) {
        Open known = situation.warning(rule.code() + '|' + subject);
        if (known != null && !known.resolved) {
            known.resolved = true;
            WarningGroup folded = situation.group(known.group, known.enterprise);
            folded.open = Math.max(0, folded.open - 1);
            if (folded.open == 0) {
                changes.add(new WarningChange.Resolved(folded.key, reason, situation.clock()));
            }
        }
    }

    /** The subjects of this rule's open warnings about an enterprise. */
    List<String> openSubjects(String enterprise) {
        return situation.openWarnings(rule.code(), enterprise).stream().map(Open::subject).toList();
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
}
