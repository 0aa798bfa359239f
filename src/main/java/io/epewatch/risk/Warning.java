package io.epewatch.risk;

import java.time.Instant;
import java.util.Map;

/**
 * A risk warning for officers (R4.5, R4.6).
 *
 * @param rule       the rule's code, e.g. {@code EXIT_WITHOUT_DECLARATION}
 * @param occurredAt when the fact behind it happened (the passage), not when it was raised
 * @param evidence   what the rule looked at: the gate event, the declarations it considered, what did not match
 * @param key        what the warning is about ({@code RULE|subject}); the same finding again merges into it
 * @param summary    the explanation in English; {@code explanationVi} in Vietnamese
 * @param occurrences how many times the facts found it: repeated occurrences on the same subject fold into one
 *                    warning (issue 15), from {@code occurredAt} to {@code lastOccurredAt}
 */
public record Warning(long id, String rule, String enterpriseTaxCode, Long gateEventId, Instant occurredAt,
                      String summary, Map<String, Object> evidence, WarningStatus status, String statusReason,
                      Instant raisedAt, Instant statusChangedAt, String key, Severity severity, int score,
                      String explanationVi, int occurrences, Instant lastOccurredAt) {

    /** Whether it folds several occurrences over a span of time. */
    public boolean repeated() {
        return occurrences > 1;
    }
}
