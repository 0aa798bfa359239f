package io.epewatch.risk.engine;

import io.epewatch.risk.Severity;

/**
 * One rule: reads each fact as it comes and the engine's memory of recent facts, raises or resolves warnings through
 * {@link Outcome}, and may ask to be called back at a time ({@link #due}). Rules keep no state of their own, so the
 * same facts in the same order always give the same warnings. Every rule is documented in {@code docs/rules.md}.
 */
interface Rule {

    String code();

    Severity severity();

    /** The score (0–100) of one occurrence; merged repeats raise it. */
    int score();

    void on(Fact fact, Situation situation, Outcome out);

    default void due(Agenda.Check check, Situation situation, Outcome out) {
    }
}
