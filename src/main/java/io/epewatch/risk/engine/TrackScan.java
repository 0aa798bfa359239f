package io.epewatch.risk.engine;

import java.time.Instant;

/** The part of a trip's track that is settled: positions up to the clock less the lateness, and not after the end. */
final class TrackScan {

    private TrackScan() {
    }

    /** The instant up to which the trip's positions are judged now. */
    static Instant settled(TripRun run, Situation situation) {
        Instant settled = situation.clock().minus(situation.thresholds(run.trip.enterprise()).lateness());
        return run.end() != null && run.end().isBefore(settled) ? run.end() : settled;
    }

    /** Whether a position belongs to the trip's span (a late one after the end does not). */
    static boolean during(TripRun run, Fact.Fix fix) {
        return !fix.at().isBefore(run.start()) && (run.end() == null || !fix.at().isAfter(run.end()));
    }

    /**
     * The trip's open warnings of {@code rule} that its kept positions can still judge: one about a time whose
     * positions have fallen off the track stays as it was.
     */
    static java.util.List<Open> openOf(TripRun run, String rule, Situation situation) {
        java.util.List<Open> open = new java.util.ArrayList<>();
        for (String key : run.warned) {
            Open o = situation.warning(key);
            if (key.startsWith(rule + "|") && o != null && !o.resolved && o.occurredAt.toEpochMilli() > run.track.knownUntil()) {
                open.add(o);
            }
        }
        return open;
    }
}
