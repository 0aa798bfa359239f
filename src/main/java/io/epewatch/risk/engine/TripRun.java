package io.epewatch.risk.engine;

import java.time.Instant;

/** An open (or recently ended) trip as the engine follows it: the trip, its track, and when it ended. */
final class TripRun {

    final Fact.Trip trip;
    final Track track;
    /** "trip:ID", computed once: positions ask for it many times a second. */
    final String subject;
    /** The keys of warnings trip rules raised about this trip, so that later positions can resolve them. */
    final java.util.Set<String> warned = new java.util.LinkedHashSet<>();
    /**
     * What each trip rule still has to look at: positions settled since its last look and positions that arrived
     * late since then. A rule re-judges from the earlier of the two, not the whole track, so a full track costs no
     * more than an empty one.
     */
    final Progress stops = new Progress();
    final Progress silence = new Progress();

    static final class Progress {
        /** The settled horizon of the last look (epoch ms); everything before it was judged. */
        long judgedUpTo = Long.MIN_VALUE;
        /** The earliest position added since the last look, or {@link Long#MAX_VALUE}. */
        long addedSince = Long.MAX_VALUE;

        long from() {
            return Math.min(judgedUpTo, addedSince);
        }

        void looked(long upTo) {
            judgedUpTo = upTo;
            addedSince = Long.MAX_VALUE;
        }

        void added(long at) {
            addedSince = Math.min(addedSince, at);
        }
    }

    /** When the vehicle reached the destination zone, or null. */
    Instant arrivedAt;
    Instant cancelledAt;

    TripRun(Fact.Trip started, double stopSpeedKmh) {
        this.trip = started;
        this.track = new Track(stopSpeedKmh);
        this.subject = "trip:" + started.id();
    }

    Instant start() {
        return trip.at();
    }

    /** The trip's end (arrival or cancellation), or null while it runs. */
    Instant end() {
        return arrivedAt != null ? arrivedAt : cancelledAt;
    }

    Instant deadline() {
        return trip.at().plus(trip.expected());
    }

    String subject() {
        return subject;
    }
}
