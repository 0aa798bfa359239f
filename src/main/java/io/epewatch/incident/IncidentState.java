package io.epewatch.incident;

import java.util.EnumSet;
import java.util.Set;

import io.epewatch.kernel.InvalidInputException;

/**
 * Where an incident stands (R2.3–R2.5): open until the cameras are back or it is closed with a reason, overdue once
 * its deadline has passed, and which steps each state allows.
 */
public enum IncidentState {
    OPEN, OVERDUE, CLOSED;

    /** What people do with an incident while it lasts. */
    public enum Step {
        /** The officer who follows it is named (R2.5). */
        ASSIGN,
        /** The assigned officer's update of the day (R2.5). */
        FOLLOW_UP,
        /** The head's supervision measure (R2.5). */
        MEASURE,
        /** The EPE explains why the deadline passed and when it expects the cameras back (R2.3, R2.4). */
        LATE_NOTICE,
        /** Closed by hand, with a reason. */
        CLOSE
    }

    /** A closed incident takes no more steps; a late notice only once the deadline has passed. */
    public Set<Step> allowed() {
        return switch (this) {
            case OPEN -> EnumSet.of(Step.ASSIGN, Step.FOLLOW_UP, Step.MEASURE, Step.CLOSE);
            case OVERDUE -> EnumSet.allOf(Step.class);
            case CLOSED -> EnumSet.noneOf(Step.class);
        };
    }

    /** @throws InvalidInputException naming why the incident does not allow the step now */
    public void require(Step step, Incident incident) {
        if (allowed().contains(step)) {
            return;
        }
        if (this == CLOSED) {
            throw new InvalidInputException("id", "incidentClosed", "the incident is closed");
        }
        throw new InvalidInputException("id", "deadlineNotPassed", "the deadline " + incident.deadline() + " has not passed",
                incident.deadline().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }
}
