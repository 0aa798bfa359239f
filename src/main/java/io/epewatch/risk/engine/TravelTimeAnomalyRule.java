package io.epewatch.risk.engine;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Trip;

/**
 * {@code TRAVEL_TIME_ANOMALY} (R4.4, R4.6, R5.7): a vehicle on a trip has not reached its destination zone within
 * the expected travel time (distance at the configured speed, plus allowance): goods may have been unloaded on the
 * way. An arrival reported late but on time resolves it; a late arrival is added to the warning.
 */
final class TravelTimeAnomalyRule implements Rule {

    static final String CODE = "TRAVEL_TIME_ANOMALY";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public int score() {
        return 50;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Trip t when t.stage() == Fact.TripStage.STARTED ->
                    out.check("trip:" + t.id(), t.enterprise(), t.at().plus(t.expected()));
            case Trip t when t.stage() == Fact.TripStage.ARRIVED -> arrived(situation.trip(t.id()), out);
            case Fact.Fix f -> {
                TripRun run = situation.latestTripOf(f.plate());
                if (run != null && f.at().equals(run.arrivedAt)) {
                    arrived(run, out);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        TripRun run = situation.trip(Long.parseLong(check.subject().substring("trip:".length())));
        if (run == null || run.cancelledAt != null || run.arrivedAt != null && !run.arrivedAt.isAfter(run.deadline())) {
            return;
        }
        raise(run, out);
    }

    private void arrived(TripRun run, Outcome out) {
        if (run == null || !out.isOpen(run.subject())) {
            return;
        }
        if (!run.arrivedAt.isAfter(run.deadline())) {
            out.resolve(run.subject(), "Arrival at " + run.trip.destination() + " at " + Evidence.local(run.arrivedAt)
                    + ", reported late, was within the expected time");
        } else {
            raise(run, out);
        }
    }

    private void raise(TripRun run, Outcome out) {
        Trip t = run.trip;
        var evidence = Evidence.of("trip", Evidence.trip(run), "deadline", run.deadline().toString(),
                "arrivedAt", run.arrivedAt == null ? "" : run.arrivedAt.toString());
        out.raise(run.subject(), t.enterprise(), run.deadline(), null,
                "Vehicle " + t.plate() + " had not reached " + t.destination() + " from " + t.origin() + " by "
                        + Evidence.local(run.deadline()) + " (expected " + Evidence.minutes(t.expected()) + ")",
                "Xe " + t.plate() + " chưa đến " + t.destination() + " từ " + t.origin() + " trước "
                        + Evidence.local(run.deadline()) + " (thời gian dự kiến " + t.expected().toMinutes() + " phút)",
                evidence);
    }
}
