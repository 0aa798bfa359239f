package io.epewatch.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.epewatch.gate.GateEvents;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.Timestamps;
import io.epewatch.kernel.UnavailableException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes in GPS positions: checks them all (a bad one refuses the request, naming it), places each in its geofence,
 * and stores them through the single writer. A position repeated (same vehicle, same instant) is stored once;
 * positions may come in any order — the risk engine sorts them by their own time.
 */
@Service
public class Positions {

    /** What a request did: how many positions were new, how many were repeats. */
    public record Receipt(int accepted, int duplicates) {
    }

    /** How long before and after a passage at an enterprise's gate the vehicle's track concerns that enterprise. */
    static final Duration AROUND_PASSAGE = Duration.ofHours(12);
    private static final int MAX_TRACK = 10_000;

    private final Geofences geofences;
    private final PositionWriter writer;
    private final TrackingProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final Trips trips;
    private final GateEvents gateEvents;
    private final Enterprises enterprises;

    Positions(Geofences geofences, PositionWriter writer, TrackingProperties properties, JdbcClient jdbc, Clock clock,
              Trips trips, GateEvents gateEvents, Enterprises enterprises) {
        this.trips = trips;
        this.gateEvents = gateEvents;
        this.enterprises = enterprises;
        this.geofences = geofences;
        this.writer = writer;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Receipt record(List<PositionInput> inputs) {
        InputCheck check = new InputCheck();
        if (inputs == null || inputs.isEmpty()) {
            check.reject("body", "is an empty list of positions");
        } else if (inputs.size() > properties.maxBatch()) {
            check.reject("body", "has " + inputs.size() + " positions; at most " + properties.maxBatch() + " per request");
        }
        check.throwIfAny();
        List<Position> positions = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Position p = validate(check, "[" + i + "].", inputs.get(i));
            if (p != null) {
                positions.add(p);
            }
        }
        check.throwIfAny();
        return store(positions);
    }

    /** One position of a tracker (OsmAnd); the device id is a plate or a registered device. */
    public Receipt recordOne(String deviceId, PositionInput input) {
        InputCheck check = new InputCheck();
        String plate = check.parse("id", deviceId, this::plateOfDevice);
        check.throwIfAny();
        Position p = validate(check, "", new PositionInput(plate, input.lat(), input.lon(), input.speed(), input.heading(),
                input.time(), input.source()));
        check.throwIfAny();
        return store(List.of(p));
    }

    /**
     * A vehicle's positions between two instants, oldest first (at most 10,000), as far as the caller may follow it
     * (R4.2): a vehicle is no enterprise's, so what customs of a unit see of its track is what concerns their
     * enterprises — its trips for them, and the hours around its passages at their gates. HQ analysts see it whole.
     *
     * @throws NotFoundException when the vehicle never concerned an enterprise in the caller's scope
     */
    public List<Position> track(AccessScope scope, String plate, Instant from, Instant to) {
        InputCheck check = new InputCheck();
        String normal = check.parse("plate", plate, raw -> PlateNumber.parse(raw).value());
        check.throwIfAny();
        if (scope.everything()) {
            return positions(normal, List.of(new TrackWindow(from, to)));
        }
        List<TrackWindow> windows = new ArrayList<>();
        trips.of(scope, normal).forEach(trip -> windows.add(new TrackWindow(trip.startedAt(),
                trip.endedAt() == null ? clock.instant() : trip.endedAt())));
        gateEvents.passagesOf(normal, enterprises.visibleTaxCodes(scope), from.minus(AROUND_PASSAGE), to.plus(AROUND_PASSAGE))
                .forEach(at -> windows.add(new TrackWindow(at.minus(AROUND_PASSAGE), at.plus(AROUND_PASSAGE))));
        if (windows.isEmpty()) {
            throw new NotFoundException("vehicle", normal);
        }
        return positions(normal, TrackWindow.merged(windows).stream().map(w -> w.clip(from, to)).flatMap(Optional::stream).toList());
    }

    /** For system processing (the risk engine): the positions a batch stored, in the order of their time. */
    public List<Position> ofBatch(long batch) {
        return jdbc.sql("""
                        select plate, at, lat, lon, speed_kmh, heading, source, zone from vehicle_position
                        where batch = ? order by at, plate""")
                .param(batch).query(Positions::toPosition).list();
    }

    private static Position toPosition(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Position(rs.getString("plate"), rs.getTimestamp("at").toInstant(), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getFloat("speed_kmh"), rs.getFloat("heading"), rs.getString("source"),
                rs.getString("zone"));
    }

    private List<Position> positions(String plate, List<TrackWindow> windows) {
        List<Position> track = new ArrayList<>();
        for (TrackWindow window : windows) {
            if (track.size() >= MAX_TRACK) {
                break;
            }
            track.addAll(jdbc.sql("""
                            select plate, at, lat, lon, speed_kmh, heading, source, zone from vehicle_position
                            where plate = ? and at between ? and ? order by at limit ?""")
                    .params(plate, Timestamp.from(window.from()), Timestamp.from(window.to()), MAX_TRACK - track.size())
                    .query(Positions::toPosition).list());
        }
        return track;
    }

    /** Registers the plate a tracker's device id stands for. */
    public void registerDevice(String deviceId, String plate) {
        InputCheck check = new InputCheck();
        String id = check.parse("deviceId", deviceId, raw -> {
            if (!raw.strip().matches("[A-Za-z0-9_.:-]{1,64}")) {
                throw new IllegalArgumentException("must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
            }
            return raw.strip();
        });
        String normal = check.parse("plate", plate, raw -> PlateNumber.parse(raw).value());
        check.throwIfAny();
        jdbc.sql("""
                        insert into gps_device (device_id, plate, updated_at) values (?, ?, ?)
                        on conflict (device_id) do update set plate = excluded.plate, updated_at = excluded.updated_at""")
                .params(id, normal, Timestamp.from(clock.instant())).update();
    }

    private String plateOfDevice(String deviceId) {
        Optional<String> registered = jdbc.sql("select plate from gps_device where device_id = ?").param(deviceId.strip())
                .query(String.class).optional();
        if (registered.isPresent()) {
            return registered.get();
        }
        try {
            return PlateNumber.parse(deviceId).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is neither a plate nor a registered device (PUT /api/v1/gps-devices/{id})");
        }
    }

    private Position validate(InputCheck check, String at, PositionInput input) {
        if (input == null) {
            check.reject(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "is empty");
            return null;
        }
        String plate = check.parse(at + "plate", input.plate(), raw -> PlateNumber.parse(raw).value());
        Double lat = range(check, at + "lat", input.lat(), -90, 90, true);
        Double lon = range(check, at + "lon", input.lon(), -180, 180, true);
        Double speed = range(check, at + "speed", input.speed(), 0, 300, false);
        Double heading = range(check, at + "heading", input.heading(), 0, 360, false);
        Instant time = check.parse(at + "time", input.time(), raw -> {
            Instant t = Timestamps.parsePast(raw, clock);
            if (t.isBefore(clock.instant().minus(properties.maxFixAge()))) {
                throw new IllegalArgumentException("is older than " + properties.maxFixAge().toDays() + " days");
            }
            return t.truncatedTo(ChronoUnit.MILLIS);
        });
        String source = input.source() == null || input.source().isBlank() ? "unknown"
                : input.source().strip().toLowerCase(Locale.ROOT);
        check.maxLength(at + "source", source, 32);
        if (plate == null || lat == null || lon == null || time == null) {
            return null;
        }
        return new Position(plate, time, lat, lon, speed == null ? 0 : speed.floatValue(),
                heading == null ? 0 : heading.floatValue(), source, geofences.zoneOf(lat, lon));
    }

    private static Double range(InputCheck check, String field, Double value, double min, double max, boolean required) {
        if (value == null) {
            if (required) {
                check.reject(field, "is required");
            }
            return null;
        }
        if (value.isNaN() || value < min || value > max) {
            check.reject(field, "must be between " + (int) min + " and " + (int) max);
            return null;
        }
        return value;
    }

    private Receipt store(List<Position> positions) {
        try {
            int fresh = writer.write(positions).get(30, TimeUnit.SECONDS);
            return new Receipt(fresh, positions.size() - fresh);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while storing positions; a repeat is recognised, so send them again", e);
        } catch (ExecutionException e) {
            // the writer's transaction rolled back: none of these positions is stored, the sender may send them again
            throw e.getCause() instanceof org.springframework.dao.DataAccessException access ? access
                    : new UnavailableException("positions could not be stored now; none of them was stored", e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("positions were not stored within 30 s; a repeat is recognised, so send them again", e);
        }
    }
}
