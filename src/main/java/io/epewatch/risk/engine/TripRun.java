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
