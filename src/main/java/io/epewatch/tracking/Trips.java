package io.epewatch.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.epewatch.declaration.Declaration;
import io.epewatch.declaration.Declarations;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventRecorded;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.SharedState;
import io.epewatch.kernel.TaxCode;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trips (R5.7): started by an officer or integration, or by the gate when a vehicle a transit declaration names leaves
 * the EPE; arrived when a position of the vehicle falls in the destination geofence; expected to take the distance
 * between the zones at the configured speed plus allowance, and never longer than the transit deadline allows.
 */
@Service
public class Trips {

    private static final String COLUMNS = """
            id, plate, enterprise_tax_code, reference, origin, destination, expected_minutes, started_at, stage, ended_at,
            started_by, end_reason""";

    private final JdbcClient jdbc;
    private final Geofences geofences;
    private final Enterprises enterprises;
    private final Declarations declarations;
    private final TrackingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;
    /** Open trips by plate: every position asks, so they are kept in memory (loaded on first use). */
    private volatile Map<String, Trip> open;
    /** The open trips, as other instances keep them too (issue 22). */
    private static final String SHARED = "open-trips";
    private final SharedState shared;

    Trips(JdbcClient jdbc, Geofences geofences, Enterprises enterprises, Declarations declarations,
          TrackingProperties properties, ApplicationEventPublisher events, Clock clock, AuditTrail audit,
          SharedState shared) {
        this.audit = audit;
        this.shared = shared;
        shared.onChange(SHARED, () -> open = null);
        this.jdbc = jdbc;
        this.geofences = geofences;
        this.enterprises = enterprises;
        this.declarations = declarations;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a trip for an enterprise in the caller's scope; audited. */
    @Transactional
    public Trip start(Caller caller, TripInput input) {
        InputCheck check = new InputCheck();
        String plate = check.parse("plate", input.plate(), raw -> PlateNumber.parse(raw).value());
        String taxCode = check.parse("enterpriseTaxCode", input.enterpriseTaxCode(), raw -> TaxCode.parse(raw).value());
        if (taxCode != null && enterprises.find(caller.access(), taxCode).isEmpty()) {
            check.reject("enterpriseTaxCode", "notAnEpe", "is not a registered export processing enterprise");
        }
        String origin = zone(check, "origin", input.origin());
        String destination = zone(check, "destination", input.destination());
        if (origin != null && origin.equals(destination)) {
            check.reject("destination", "destinationIsOrigin", "is the origin");
        }
        Instant started = input.startedAt() == null || input.startedAt().isBlank() ? clock.instant()
                : check.parse("startedAt", input.startedAt(), raw -> Timestamps.parsePast(raw, clock));
        if (input.reference() != null && !input.reference().matches("(declaration|manifest):[A-Z0-9./-]{1,35}")) {
            check.reject("reference", "tripReference", "must be declaration:NUMBER or manifest:NUMBER");
        }
        Trip open = plate == null ? null : openTrips().get(plate);
        if (open != null) {
            check.reject("plate", "plateOnOpenTrip", "is already on open trip " + open.id(), String.valueOf(open.id()));
        }
        check.throwIfAny();
        Trip trip = insert(plate, taxCode, input.reference(), origin, destination, started, null, null, caller.name());
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "trip:" + trip.id(),
                Map.of("change", "trip started", "plate", plate, "route", origin + " → " + destination));
        return trip;
    }

    /**
     * R5.7: a vehicle a transit declaration names leaves the EPE: its trip to the declared destination starts, in the
     * transaction that records the passage (the passage and its trip are kept together, with no event publication row
     * for every passage through a gate).
     */
    @EventListener
    void on(GateEventRecorded passage) {
        if (passage.direction() != GateEvent.Direction.OUT || passage.plate() == null) {
            return;
        }
        for (Declaration d : declarations.transitsNaming(passage.enterpriseTaxCode(), passage.plate(),
                passage.capturedAt().minus(Duration.ofDays(7)), passage.capturedAt())) {
            if (geofences.findForSystem(d.transit().origin()).isEmpty() || geofences.findForSystem(d.transit().destination()).isEmpty()
                    || openTrips().containsKey(passage.plate())) {
                continue; // a route to a place not drawn yet cannot be followed; note it on the declaration page
            }
            insert(passage.plate(), passage.enterpriseTaxCode(), "declaration:" + d.number(), d.transit().origin(),
                    d.transit().destination(), passage.capturedAt(), d.transit().deadline(),
                    "transit:" + d.number() + ":gate:" + passage.gateEventId(), "gate");
        }
    }

    /**
     * Ends a trip that will not arrive (turned back, wrong vehicle): its rules stop watching it, so the reason is
     * required, kept on the trip and audited.
     */
    @Transactional
    public Trip cancel(Caller caller, long id, String reason) {
        Trip trip = find(caller.access(), id).orElseThrow(() -> new NotFoundException("trip", String.valueOf(id)));
        InputCheck check = new InputCheck();
        if (trip.stage() != Trip.Stage.STARTED) {
            check.reject("id", "tripEnded", "trip " + id + " has already " + (trip.stage() == Trip.Stage.ARRIVED ? "arrived" : "been cancelled"));
        }
        check.requireText("reason", reason, 500);
        check.throwIfAny();
        Trip ended = end(trip, Trip.Stage.CANCELLED, clock.instant(), reason.strip());
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, trip.enterpriseTaxCode(), "trip:" + id,
                Map.of("change", "trip cancelled", "reason", reason.strip()));
        return ended;
    }

    /** For system processing (the risk engine reading what an event announced): the trip, whoever asks. */
    public Optional<Trip> findForSystem(long id) {
        return jdbc.sql("select " + COLUMNS + " from trip where id = ?").param(id).query(Trips::toTrip).optional();
    }

    public Optional<Trip> find(AccessScope scope, long id) {
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        return findForSystem(id).filter(t -> visible.contains(t.enterpriseTaxCode()));
    }

    /**
     * For the system (the risk engine's partitions, issue 22): which enterprises' trips follow each of these vehicles —
     * trips under way, or ended since {@code since}.
     */
    public Map<String, Set<String>> enterprisesFollowing(Collection<String> plates, Instant since) {
        Map<String, Set<String>> following = new HashMap<>();
        if (plates.isEmpty()) {
            return following;
        }
        jdbc.sql("""
                        select distinct plate, enterprise_tax_code from trip
                        where plate = any(?) and (stage = 'STARTED' or ended_at >= ?)""")
                .params(plates.toArray(String[]::new), Timestamp.from(since))
                .query((rs, n) -> following.computeIfAbsent(rs.getString(1), p -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        return following;
    }

    /** A vehicle's trips for the enterprises in scope, newest first (at most 500). */
    public List<Trip> of(AccessScope scope, String plate) {
        Set<String> visible = enterprises.visibleTaxCodes(scope);
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from trip where plate = :plate and enterprise_tax_code in (:codes)"
                        + " order by started_at desc limit 500")
                .param("plate", plate).param("codes", visible).query(Trips::toTrip).list();
    }

    public List<Trip> latest(AccessScope scope, String taxCode, int limit) {
        return latest(scope, taxCode, null, limit);
    }

    /** Newest first, narrowed to an enterprise and a stage when given. */
    public List<Trip> latest(AccessScope scope, String taxCode, Trip.Stage stage, int limit) {
        Set<String> visible = enterprises.visibleTaxCodes(scope, taxCode);
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from trip where enterprise_tax_code in (:codes)"
                        + " and (:stage = '' or stage = :stage) order by started_at desc, id desc limit :limit")
                .param("codes", visible).param("stage", stage == null ? "" : stage.name())
                .param("limit", Math.min(Math.max(limit, 1), 500)).query(Trips::toTrip).list();
    }

    /** Called by the position writer in its transaction: positions in a trip's destination end it. */
    void arrivals(List<Position> positions) {
        Map<String, Trip> trips = openTrips();
        for (Position p : positions) {
            Trip trip = trips.get(p.plate());
            if (trip != null && p.zone() != null && p.zone().equals(trip.destination()) && !p.at().isBefore(trip.startedAt())) {
                end(trip, Trip.Stage.ARRIVED, p.at(), null);
            }
        }
    }

    private Trip insert(String plate, String taxCode, String reference, String origin, String destination,
                        Instant started, Instant deadline, String sourceKey, String startedBy) {
        Duration expected = expected(origin, destination);
        if (deadline != null && deadline.isAfter(started) && Duration.between(started, deadline).compareTo(expected) < 0) {
            expected = Duration.between(started, deadline); // R5.7: the registered time binds
        }
        Optional<Long> id = jdbc.sql("""
                        insert into trip (plate, enterprise_tax_code, reference, origin, destination, expected_minutes,
                            started_at, stage, source_key, created_at, started_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'STARTED', ?, ?, ?) on conflict (source_key) do nothing returning id""")
                .params(plate, taxCode, reference, origin, destination, Math.max(1, expected.toMinutes()),
                        Timestamp.from(started), sourceKey, Timestamp.from(clock.instant()), startedBy)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return null; // created before by the same passage
        }
        Trip trip = find(AccessScope.all(), id.get()).orElseThrow();
        openTrips().put(plate, trip);
        shared.changed(SHARED);
        events.publishEvent(new TripChanged(trip.id(), trip.enterpriseTaxCode(), trip.stage(), started));
        return trip;
    }

    private Trip end(Trip trip, Trip.Stage stage, Instant at, String reason) {
        int changed = jdbc.sql("update trip set stage = ?, ended_at = ?, end_reason = ? where id = ? and stage = 'STARTED'")
                .params(stage.name(), Timestamp.from(at), reason, trip.id()).update();
        openTrips().remove(trip.plate(), trip);
        shared.changed(SHARED);
        Trip ended = find(AccessScope.all(), trip.id()).orElseThrow();
        if (changed > 0) {
            events.publishEvent(new TripChanged(ended.id(), ended.enterpriseTaxCode(), stage, at));
        }
        return ended;
    }

    /** Distance between the zones' centres, on the road (factor), at the configured speed, plus the allowance. */
    Duration expected(String origin, String destination) {
        double[] a = geofences.centre(origin).orElseThrow();
        double[] b = geofences.centre(destination).orElseThrow();
        double km = haversineKm(a[0], a[1], b[0], b[1]) * properties.roadFactor();
        return Duration.ofSeconds(Math.round(km / properties.truckSpeedKmh() * 3600)).plus(properties.allowance());
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }

    private Map<String, Trip> openTrips() {
        Map<String, Trip> current = open;
        if (current == null) {
            current = new ConcurrentHashMap<>();
            for (Trip t : jdbc.sql("select " + COLUMNS + " from trip where stage = 'STARTED'").query(Trips::toTrip).list()) {
                current.put(t.plate(), t);
            }
            open = current;
        }
        return current;
    }

    private String zone(InputCheck check, String field, String raw) {
        return check.parse(field, raw, value -> {
            String code = Geofences.normal(value);
            if (geofences.findForSystem(code).isEmpty()) {
                throw new IllegalArgumentException("is not a geofence; draw it first (" + code + ")");
            }
            return code;
        });
    }

    private static Trip toTrip(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Trip(rs.getLong("id"), rs.getString("plate"), rs.getString("enterprise_tax_code"),
                rs.getString("reference"), rs.getString("origin"), rs.getString("destination"),
                Duration.ofMinutes(rs.getInt("expected_minutes")), rs.getTimestamp("started_at").toInstant(),
                Trip.Stage.valueOf(rs.getString("stage")), ended == null ? null : ended.toInstant(),
                rs.getString("started_by"), rs.getString("end_reason"));
    }
}
