package io.epewatch.clearance;

import java.time.Instant;

/**
 * A transit the declarant asked for on a declaration (R5.7): goods moving under customs supervision from the EPE to
 * another office — a border gate, a port — along a route, by a deadline, under customs seals.
 *
 * @param origin      geofence code where the transit starts (the EPE)
 * @param destination geofence code of the destination office
 * @param state       REQUESTED, ACCEPTED or REFUSED
 * @param reason      why customs refused, or its note on accepting
 */
record TransitRequest(String origin, String destination, String route, Instant deadline, String state,
                             String reason, Instant decidedAt) {

    public boolean accepted() {
        return "ACCEPTED".equals(state);
    }
}
