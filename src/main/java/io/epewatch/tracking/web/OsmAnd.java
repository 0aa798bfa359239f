package io.epewatch.tracking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.epewatch.kernel.InvalidInputException;
import io.epewatch.tracking.PositionInput;
import tools.jackson.databind.JsonNode;

/**
 * The OsmAnd HTTP protocol, as Traccar and many trackers speak it: query or form parameters
 * ({@code id|deviceid, lat, lon | location=lat,lon, timestamp, speed, bearing|heading}) or the JSON body of Traccar
 * Client 9 ({@code {"device_id", "location": {"timestamp", "coords": {"latitude", "longitude", "speed", "heading"}}}}).
 * Speed is in knots in the parameters (the protocol's unit) and in m/s in the JSON; both become km/h.
 */
final class OsmAnd {

    private static final double KMH_PER_KNOT = 1.852;
    private static final double KMH_PER_MS = 3.6;
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A decoded request: the device id and its position. */
    record Request(String deviceId, PositionInput position) {
    }

    private OsmAnd() {
    }

    static Request fromParameters(Map<String, String> params, Clock clock) {
        String id = params.getOrDefault("id", params.get("deviceid"));
        Double lat = number(params, "lat");
        Double lon = number(params, "lon");
        if (params.get("location") != null && lat == null && lon == null) {
            String[] parts = params.get("location").split(",");
            if (parts.length == 2) {
                lat = parse("location", parts[0]);
                lon = parse("location", parts[1]);
            }
        }
        Double knots = number(params, "speed");
        Double heading = params.containsKey("bearing") ? number(params, "bearing") : number(params, "heading");
        String time = time(params.get("timestamp"), clock);
        return new Request(id, new PositionInput(null, lat, lon, knots == null ? null : knots * KMH_PER_KNOT, heading,
                time, "osmand"));
    }

    static Request fromJson(JsonNode body, Clock clock) {
        if (!body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object {device_id, location: {timestamp, coords}}");
        }
        JsonNode location = body.path("location");
        JsonNode coords = location.path("coords");
        Double speedMs = number(coords, "speed", "location.coords.speed");
        Double heading = number(coords, "heading", "location.coords.heading");
        return new Request(text(body, "device_id", "device_id"),
                new PositionInput(null, number(coords, "latitude", "location.coords.latitude"),
                        number(coords, "longitude", "location.coords.longitude"),
                        speedMs == null || speedMs < 0 ? null : speedMs * KMH_PER_MS,
                        heading == null || heading < 0 ? null : heading,
                        time(text(location, "timestamp", "location.timestamp"), clock), "osmand"));
    }

    /** A number, or a number written as text (some trackers quote them); anything else is refused naming the field. */
    private static Double number(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            try {
                return node.doubleValue();
            } catch (RuntimeException e) {
                throw new InvalidInputException(field, "must be a number within range");
            }
        }
        if (node.isString()) {
            return parse(field, node.stringValue());
        }
        throw new InvalidInputException(field, "must be a number");
    }

    private static String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        throw new InvalidInputException(field, "must be text");
    }

    /** Seconds or milliseconds since 1970, ISO-8601, or {@code yyyy-MM-dd HH:mm:ss} in UTC; now when absent. */
    private static String time(String raw, Clock clock) {
        if (raw == null || raw.isBlank()) {
            return clock.instant().toString();
        }
        String value = raw.strip();
        try {
            if (value.matches("\\d{1,15}(\\.\\d+)?")) {
                double number = Double.parseDouble(value);
                long millis = number > 100_000_000_000L ? (long) number : (long) (number * 1000);
                return Instant.ofEpochMilli(millis).toString();
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC).toString();
            }
            return Instant.parse(value).toString();
        } catch (DateTimeParseException | NumberFormatException e) {
            return value; // left for the position check to refuse, naming the field
        }
    }

    private static Double number(Map<String, String> params, String name) {
        String raw = params.get(name);
        return raw == null || raw.isBlank() ? null : parse(name, raw);
    }

    private static Double parse(String field, String raw) {
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }
}
