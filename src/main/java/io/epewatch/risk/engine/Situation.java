package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.epewatch.risk.engine.Fact.Trip;

/**
 * The engine's memory: per enterprise its recent facts ({@link Site}), per vehicle its last position and open trip,
 * the watch list, and the warnings it has raised. Everything expires once no rule can need it.
 */
final class Situation {

    /** A vehicle not heard from for this long, and on no trip, is forgotten. */
    private static final Duration VEHICLE_MEMORY = Duration.ofDays(2);

    private final Thresholds defaults;
    private final Map<String, Site> sites = new HashMap<>();
    /** Per plate: when it was last heard and its latest trip; one lookup per position. */
    /**
     * Vehicles with a trip (open, or ended recently enough for late positions to re-judge it). A position of any other
     * vehicle concerns no rule, so it is not remembered: of the many trucks the GPS feed reports, only those carrying
     * goods under customs supervision cost memory.
     */
    private final Map<String, Vehicle> vehicles = new HashMap<>();
    /** The plate of the position being read and its vehicle (null when it has none): the rules ask right away. */
    private String currentPlate;
    private Vehicle current;

    private static final class Vehicle {
        final String plate;
        long lastAt = Long.MIN_VALUE;
        TripRun trip;

        Vehicle(String plate) {
            this.plate = plate;
        }
    }
    private final Map<Long, TripRun> trips = new HashMap<>();
    private final Map<String, Fact.Watch> watchlist = new TreeMap<>();
    private final Map<String, Open> warnings = new HashMap<>();
    private final Map<String, WarningGroup> groups = new HashMap<>();
    private final Map<String, Thresholds> settings = new HashMap<>();
    private Instant clock = Instant.EPOCH;

    Situation(Thresholds defaults) {
        this.defaults = defaults;
    }

    Instant clock() {
        return clock;
    }

    void advance(Instant at) {
        if (at.isAfter(clock)) {
            clock = at;
        }
    }

    Thresholds thresholds(String enterprise) {
        return enterprise == null ? defaults : settings.getOrDefault(enterprise, defaults);
    }

    Site site(String enterprise) {
        return sites.computeIfAbsent(enterprise, e -> new Site(e, thresholds(e)));
    }

    /** Every site, in a stable order. */
    List<Site> sites() {
        return sites.values().stream().sorted((a, b) -> a.enterprise.compareTo(b.enterprise)).toList();
    }

    /** The vehicle's open trip, or null. */
    TripRun tripOf(String plate) {
        TripRun run = latestTripOf(plate);
        return run != null && run.end() == null ? run : null;
    }

    /** The vehicle's latest trip, open or ended, or null. */
    TripRun latestTripOf(String plate) {
        Vehicle v = plate.equals(currentPlate) ? current : vehicles.get(plate);
        return v == null ? null : v.trip;
    }

    TripRun trip(long id) {
        return trips.get(id);
    }

    Map<String, Fact.Watch> watchlist() {
        return watchlist;
    }

    Open warning(String key) {
        return warnings.get(key);
    }

    /** A rule's open warnings about an enterprise. */
    List<Open> openWarnings(String rule, String enterprise) {
        return warnings.values().stream().filter(w -> !w.resolved && w.rule.equals(rule) && w.enterprise.equals(enterprise))
                .sorted(java.util.Comparator.comparing(w -> w.key)).toList();
    }

    void remember(Open warning) {
        warnings.put(warning.key, warning);
    }

    WarningGroup group(String key, String enterprise) {
        return groups.computeIfAbsent(key, k -> new WarningGroup(k, enterprise));
    }

    /**
     * Takes a fact into memory.
     *
     * @return false when it is a duplicate: then no rule sees it
     */
    boolean absorb(Fact fact) {
        return switch (fact) {
            case Fact.Passage p -> site(p.enterprise()).add(p);
            case Fact.Declared d -> site(d.enterprise()).add(d);
            case Fact.Manifested m -> site(m.enterprise()).add(m);
            case Fact.Note n -> site(n.enterprise()).add(n);
            case Fact.CameraStatus c -> site(c.enterprise()).add(c);
            case Fact.AreaPassage a -> true;
            case Fact.Fix f -> absorb(f);
            case Trip t -> absorb(t);
            case Fact.Watch w -> {
                Fact.Watch before = w.active() ? watchlist.put(w.value(), w) : watchlist.remove(w.value());
                yield w.active() ? before == null || !java.util.Objects.equals(before.reason(), w.reason()) : before != null;
            }
            case Fact.Settings s -> {
                settings.put(s.enterprise(), s.thresholds());
                site(s.enterprise()).thresholds = s.thresholds();
                yield true;
            }
            case Fact.Tick t -> true;
            case Fact.Coverage c -> site(c.enterprise()).add(c);
            case Fact.Fixes f -> throw new IllegalArgumentException("a batch is read fix by fix");
        };
    }

    private boolean absorb(Fact.Fix fix) {
        Vehicle vehicle = vehicles.get(fix.plate());
        currentPlate = fix.plate();
        current = vehicle;
        if (vehicle == null) {
            return true; // on no trip: no rule will look at it
        }
        TripRun run = vehicle.trip;
        long at = fix.at().toEpochMilli();
        boolean repeat = vehicle.lastAt == at;
        vehicle.lastAt = Math.max(vehicle.lastAt, at);
        // positions during a trip are kept, also ones arriving after it ended: they re-judge it
        if (run == null || fix.at().isBefore(run.start()) || run.end() != null && fix.at().isAfter(run.end())) {
            return !repeat;
        }
        if (!run.track.add(fix)) {
            return false;
        }
        run.stops.added(at);
        run.silence.added(at);
        if (fix.zone() != null && fix.zone().equals(run.trip.destination())) {
            arrive(run, fix.at());
        }
        return true;
    }

    private boolean absorb(Trip trip) {
        TripRun run = trips.get(trip.id());
        switch (trip.stage()) {
            case STARTED -> {
                if (run != null) {
                    return false;
                }
                run = new TripRun(trip, thresholds(trip.enterprise()).stopSpeedKmh());
                trips.put(trip.id(), run);
                Vehicle vehicle = vehicles.computeIfAbsent(trip.plate(), Vehicle::new);
                if (trip.plate().equals(currentPlate)) {
                    current = vehicle;
                }
                if (vehicle.trip == null || !vehicle.trip.start().isAfter(trip.at())) {
                    vehicle.trip = run;
                }
                return true;
            }
            case ARRIVED -> {
                if (run == null || run.arrivedAt != null) {
                    return false;
                }
                arrive(run, trip.at());
                return true;
            }
            case CANCELLED -> {
                if (run == null || run.cancelledAt != null) {
                    return false;
                }
                run.cancelledAt = trip.at();
                return true;
            }
        }
        return false;
    }

    private void arrive(TripRun run, Instant at) {
        if (run.arrivedAt == null || at.isBefore(run.arrivedAt)) {
            run.arrivedAt = at;
        }
    }

    /** Forgets facts and warnings no rule can need any more. */
    void expire() {
        for (Site site : sites.values()) {
            site.expireBefore(clock.minus(site.thresholds.retention()));
        }
        sites.values().removeIf(site -> site.size() == 0 && !settings.containsKey(site.enterprise) && !site.notesConnected);
        Instant vehicleCutoff = clock.minus(VEHICLE_MEMORY);
        // ended trips, and trips that never arrived two days past their deadline (warned about long ago)
        trips.values().removeIf(run -> run.end() != null && run.end().isBefore(vehicleCutoff)
                || run.deadline().isBefore(vehicleCutoff));
        for (Vehicle v : vehicles.values()) {
            if (v.trip != null && !trips.containsKey(v.trip.trip.id())) {
                v.trip = null;
            }
        }
        vehicles.values().removeIf(v -> v.trip == null); // its trips are forgotten: its positions concern no rule
        currentPlate = null;
        current = null;
        warnings.values().removeIf(w -> w.occurredAt.isBefore(clock.minus(thresholds(w.enterprise).retention())));
        groups.values().removeIf(g -> g.last.isBefore(clock.minus(thresholds(g.enterprise).retention())));
    }

    /** How much the engine holds, for the benchmark's flat-memory check and the metrics. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("sites", sites.size());
        sizes.put("siteFacts", sites.values().stream().mapToInt(Site::size).sum());
        sizes.put("vehicles", vehicles.size());
        sizes.put("trips", trips.size());
        sizes.put("warnings", warnings.size());
        sizes.put("warningGroups", groups.size());
        return sizes;
    }
}
