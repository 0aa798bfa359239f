package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.epewatch.risk.Severity;

/**
 * {@code GPS_SILENCE} (R4.5, R5.7): a vehicle on an open trip sends no position for longer than allowed — the
 * tracker was switched off, or the vehicle went where it should not. Every gap between positions (from the trip's
 * start) is judged once positions have had time to arrive; a position arriving later inside a gap splits it, and a
 * gap no longer long enough is resolved.
 */
final class GpsSilenceRule implements Rule {

    static final String CODE = "GPS_SILENCE";

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
        return 45;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Fact.Trip t when t.stage() == Fact.TripStage.STARTED -> out.check("trip:" + t.id(), t.enterprise(),
                    t.at().plus(situation.thresholds(t.enterprise()).silenceLongerThan()));
            case Fact.Trip t -> {
                TripRun run = situation.trip(t.id());
                if (run != null) {
                    out.check(run.subject(), t.enterprise(), t.at());
                }
            }
            case Fact.Fix f -> {
                TripRun run = situation.latestTripOf(f.plate());
                if (run != null && TrackScan.during(run, f)) {
                    Thresholds th = situation.thresholds(run.trip.enterprise());
                    boolean late = f.at().plus(th.lateness()).isBefore(situation.clock());
                    // a late position re-judges the trip's gaps once the positions arriving with it are in (at the end
                    // of its batch), not one by one: a lagging feed must not raise and resolve a gap per position
                    if (late) {
                        out.checkNow(run.subject(), run.trip.enterprise());
                    } else {
                        out.check(run.subject(), run.trip.enterprise(), f.at().plus(th.silenceLongerThan()));
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        TripRun run = situation.trip(Long.parseLong(check.subject().substring("trip:".length())));
        if (run == null || run.cancelledAt != null) {
            return;
        }
        long silence = situation.thresholds(run.trip.enterprise()).silenceLongerThan().toMillis();
        Instant settled = TrackScan.settled(run, situation);
        Track track = run.track;
        int end = track.countUpTo(settled);
        // only what changed is judged again: from the position before the first one settled or added since the
        // last look
        int begin = Math.min(track.firstFrom(run.silence.from()), end);
        long previous = begin == 0 ? Math.max(run.start().toEpochMilli(), track.knownUntil())
                : Math.max(track.time(begin - 1), track.knownUntil());
        long judgedFrom = begin == 0 ? Long.MIN_VALUE : previous;
        run.silence.looked(settled.toEpochMilli());
        Set<String> gaps = new LinkedHashSet<>();
        for (int i = begin; i < end; i++) {
            long t = track.time(i);
            if (t - previous >= silence) {
                gaps.add(raise(run, previous, t, out));
            }
            previous = Math.max(previous, t);
        }
        long horizon = settled.toEpochMilli();
        boolean ended = run.end() != null && !settled.isBefore(run.end());
        // positions arriving late mean the feed is catching up: the gap after the last of them is not judged now
        // (the next batch may close it), but when its time comes — else a backlog raises and resolves one per batch
        boolean catchingUp = check.at().equals(check.fireAt());
        boolean known = situation.warning(CODE + "|" + run.subject() + "|from:" + previous) != null;
        if (horizon - previous >= silence && (!catchingUp || ended || known)) {
            gaps.add(raise(run, previous, ended ? horizon : -1, out));
        } else if (!ended) {
            // caught up: if nothing more comes for the silence threshold from now, the gap is judged then
            out.check(run.subject(), run.trip.enterprise(), catchingUp ? situation.clock().plusMillis(silence)
                    : Instant.ofEpochMilli(previous + silence));
        }
        for (Open open : TrackScan.openOf(run, CODE, situation)) {
            if (open.occurredAt.toEpochMilli() >= judgedFrom && !gaps.contains(open.subject())) {
                out.resolve(open.subject(), "Positions received later fill the gap: vehicle " + run.trip.plate()
                        + " was not silent that long");
            }
        }
    }

    /** @param to the end of the gap, or -1 while it lasts */
    private String raise(TripRun run, long from, long to, Outcome out) {
        Fact.Trip t = run.trip;
        String subject = run.subject() + "|from:" + from;
        Instant start = Instant.ofEpochMilli(from);
        String until = to < 0 ? "" : Instant.ofEpochMilli(to).toString();
        out.raise(subject, t.enterprise(), start, null,
                "Vehicle " + t.plate() + " sent no position from " + Evidence.local(start)
                        + (to < 0 ? "" : " to " + Evidence.local(Instant.ofEpochMilli(to))) + " on its trip to " + t.destination(),
                "Xe " + t.plate() + " không gửi vị trí từ " + Evidence.local(start)
                        + (to < 0 ? "" : " đến " + Evidence.local(Instant.ofEpochMilli(to))) + " trên đường đến " + t.destination(),
                Evidence.of("trip", Evidence.trip(run), "silentFrom", start.toString(), "silentUntil", until));
        run.warned.add(CODE + "|" + subject);
        return subject;
    }
}
