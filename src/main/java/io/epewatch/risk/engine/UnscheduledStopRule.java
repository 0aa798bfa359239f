package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.epewatch.risk.Severity;

/**
 * {@code UNSCHEDULED_STOP} (R4.4, R5.7): a vehicle on a trip stands still (below the stop speed) outside every
 * geofence for longer than allowed — goods can be swapped or unloaded where no one watches. A stop is established
 * by positions: the run of slow positions outside zones must itself last that long. Judged once positions have had
 * time to arrive; positions arriving later that show it moving resolve it.
 */
final class UnscheduledStopRule implements Rule {

    static final String CODE = "UNSCHEDULED_STOP";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public int score() {
        return 60;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        if (fact instanceof Fact.Fix f) {
            TripRun run = situation.latestTripOf(f.plate());
            if (run != null && TrackScan.during(run, f)) {
                // a late position is judged with the others that arrive with it, at the end of its batch
                Instant settledNow = situation.clock().minus(situation.thresholds(run.trip.enterprise()).lateness());
                if (f.at().isBefore(settledNow)) {
                    out.checkNow(run.subject(), run.trip.enterprise());
                } else {
                    out.check(run.subject(), run.trip.enterprise(), f.at());
                }
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        TripRun run = situation.trip(Long.parseLong(check.subject().substring("trip:".length())));
        if (run == null) {
            return;
        }
        Thresholds t = situation.thresholds(run.trip.enterprise());
        Track track = run.track;
        Instant settled = TrackScan.settled(run, situation);
        int end = track.countUpTo(settled);
        long longer = t.stopLongerThan().toMillis();
        // only what changed is judged again: from the first position settled or added since the last look, back to
        // the start of the stop it may belong to
        int begin = Math.min(track.firstFrom(run.stops.from()), end);
        while (begin > 0 && stopped(track, begin - 1, t, run)) {
            begin--;
        }
        long judgedFrom = begin == 0 ? Long.MIN_VALUE : track.time(begin);
        run.stops.looked(settled.toEpochMilli());
        Set<String> stops = new LinkedHashSet<>();
        int first = -1;
        // a stop under way where the kept positions begin started before them
        long since = track.stopSince();
        for (int i = begin; i <= end; i++) {
            boolean stopped = i < end && stopped(track, i, t, run);
            if (stopped && first < 0) {
                first = i;
            } else if (!stopped && first >= 0) {
                long from = first == 0 && since != Long.MIN_VALUE ? since : track.time(first);
                long to = track.time(i - 1);
                if (to - from >= longer) {
                    String subject = run.subject() + "|stop:" + from;
                    stops.add(subject);
                    raise(run, subject, Instant.ofEpochMilli(from), track.lat(first), track.lon(first),
                            t.stopLongerThan(), out);
                }
                first = -1;
            }
        }
        if (run.end() == null && end < track.size()) {
            // positions not settled yet: judge them when they are, even if no other comes
            out.check(run.subject(), run.trip.enterprise(), Instant.ofEpochMilli(track.time(end)));
        }
        for (Open open : TrackScan.openOf(run, CODE, situation)) {
            if (open.occurredAt.toEpochMilli() >= judgedFrom && !stops.contains(open.subject())) {
                out.resolve(open.subject(), "Positions received later show vehicle " + run.trip.plate() + " moving");
            }
        }
    }

    private static boolean stopped(Track track, int i, Thresholds t, TripRun run) {
        return track.speed(i) < t.stopSpeedKmh() && track.zone(i) == null && track.time(i) >= run.start().toEpochMilli();
    }

    private void raise(TripRun run, String subject, Instant from, double lat, double lon, Duration longer, Outcome out) {
        Fact.Trip t = run.trip;
        out.raise(subject, t.enterprise(), from, null,
                "Vehicle " + t.plate() + " stopped outside any known place from " + Evidence.local(from) + " for more than "
                        + Evidence.minutes(longer) + " on its trip to " + t.destination(),
                "Xe " + t.plate() + " dừng ngoài các địa điểm đã biết từ " + Evidence.local(from) + " quá "
                        + longer.toMinutes() + " phút trên đường đến " + t.destination(),
                Evidence.of("trip", Evidence.trip(run), "stoppedFrom", from.toString(), "lat", lat, "lon", lon,
                        "longerThan", longer.toString()));
        run.warned.add(CODE + "|" + subject);
    }
}
