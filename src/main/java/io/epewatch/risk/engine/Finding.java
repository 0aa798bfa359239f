package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.Map;

import io.epewatch.risk.Severity;

/**
 * A warning as a rule found it.
 *
 * @param key         what makes two findings the same warning: {@code RULE|subject}; a duplicate merges into it
 * @param gateEventId the passage the warning is about, when it is about one (its snapshots become evidence)
 * @param english     the explanation in English
 * @param vietnamese  the explanation in Vietnamese
 * @param evidence    what the rule looked at: references to passages, documents, notes, positions
 * @param occurrences how many occurrences the warning folds (issue 15), from {@code occurredAt} to {@code lastOccurredAt}
 */
public record Finding(String key, String rule, String enterprise, Instant occurredAt, Severity severity, int score,
                      Long gateEventId, String english, String vietnamese, Map<String, Object> evidence,
                      int occurrences, Instant lastOccurredAt) {
}
