package io.epewatch.casework;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a case, and how long the case stayed in the state it left.
 *
 * @param stayed time spent in {@code from} before this step (null for the opening)
 */
public record CaseTransition(CaseState from, CaseState to, String actor, String note, Instant at, Duration stayed) {
}
