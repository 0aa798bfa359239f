package io.epewatch.risk.engine;

import java.time.Instant;

/**
 * A warning the engine remembers: open, or resolved by later data (and then reopened if the facts say so). Only what
 * the engine needs is kept — texts and evidence go to the store — so weeks of warnings fit in memory.
 */
final class Open {

    final String key;
    /** The key of the warning this occurrence folds into; its own key when it stands alone. */
    final String group;
    final String rule;
    final String enterprise;
    final Instant occurredAt;
    final Long gateEventId;
    /** The hash of the evidence last found: the same evidence again is a repeat, not a new occurrence. */
    int evidenceHash;
    boolean resolved;

    Open(Finding finding, String group) {
        this.key = finding.key();
        this.group = group;
        this.rule = finding.rule();
        this.enterprise = finding.enterprise();
        this.occurredAt = finding.occurredAt();
        this.gateEventId = finding.gateEventId();
        this.evidenceHash = finding.evidence().hashCode();
    }

    /** The part of the key after the rule code. */
    String subject() {
        return key.substring(rule.length() + 1);
    }
}
