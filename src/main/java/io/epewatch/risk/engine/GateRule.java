package io.epewatch.risk.engine;

import java.util.Optional;

import io.epewatch.gate.GateEventRecorded;

/** A rule over one gate passage: a pure function of the passage and the facts gathered for it. */
interface GateRule {

    /** The code warnings carry and {@code docs/rules.md} documents. */
    String code();

    Optional<WarningDraft> evaluate(GateEventRecorded passage, RuleContext context);
}
