package io.epewatch.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * A vehicle carrying goods from one zone to another (R5.7).
 *
 * @param reference what it carries: {@code declaration:NUMBER} or {@code manifest:NUMBER}
 * @param expected  the travel time allowed: distance at the configured speed, plus allowance (capped by a transit
 *                  declaration's deadline)
 * @param startedBy who started it: a person or token, or {@code gate} when a transit vehicle's exit did
 * @param endReason why it was cancelled; null unless it was
 */
public record Trip(long id, String plate, String enterpriseTaxCode, String reference, String origin, String destination,
                   Duration expected, Instant startedAt, Stage stage, Instant endedAt, String startedBy, String endReason) {

    /** When it is due at its destination. */
    public Instant dueAt() {
        return startedAt.plus(expected);
    }

    public enum Stage { STARTED, ARRIVED, CANCELLED }
}
