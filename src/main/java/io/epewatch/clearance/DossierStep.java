package io.epewatch.clearance;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a declaration's processing history: the customs answer (feedback message) the declarant reads on the
 * status page, and what an officer reads beside a gate warning.
 *
 * @param step    what happened ({@link Step})
 * @param state   the state after it
 * @param reason  why, in the words of whoever took it
 * @param details what the step recorded (lane and criteria, inspection form, findings, seals …)
 */
public record DossierStep(long id, Step step, DossierState state, String actor, Instant at, String reason,
                          Map<String, Object> details) {

    /** Details that tell why the lane fell as it did: customs' targeting, not shown to the enterprise's side. */
    private static final java.util.Set<String> TARGETING = java.util.Set.of("fired", "draw", "drawnLane");

    /** The step as the enterprise's side may read it, without the targeting details. */
    public DossierStep withoutTargeting() {
        Map<String, Object> shown = new java.util.LinkedHashMap<>(details);
        shown.keySet().removeAll(TARGETING);
        return new DossierStep(id, step, state, actor, at, reason, shown);
    }

    /** The steps, named after the VNACCS business code where there is one. */
    public enum Step {
        /** IDA/EDA: provisional registration. */
        FILED,
        /** IDA/EDA again (or IDB/EDB recall) while provisional. */
        CORRECTED,
        /** IDC/EDC: official registration, lane assigned. */
        REGISTERED,
        /** IDA01/EDA01: amendment before clearance. */
        AMENDED,
        /** After clearance: a supplement with its reason. */
        SUPPLEMENTED,
        FEES_PAID,
        DOCUMENTS_ACCEPTED,
        /** The document check found a problem: the declaration goes to physical inspection. */
        DOCUMENTS_SENT_TO_INSPECTION,
        INSPECTION_ORDERED,
        INSPECTION_RECORDED,
        RELEASED,
        CLEARED,
        PASSED_AREA,
        CANCELLATION_REQUESTED,
        CANCELLATION_REFUSED,
        CANCELLED,
        /** IDE/EDE: replaced by a new declaration. */
        REPLACED,
        /** The declarant asks to move the goods in transit (R5.7). */
        TRANSIT_REQUESTED,
        TRANSIT_ACCEPTED,
        TRANSIT_REFUSED,
        /** The destination office confirmed the arrival and checked the seals. */
        ARRIVED
    }
}
