package io.epewatch.tracking;

/**
 * A position as a feed posts it.
 *
 * @param speed   km/h
 * @param heading degrees clockwise from north
 * @param time    ISO-8601 with offset
 * @param source  who measured it: {@code MOT} (Ministry of Transport), a tracker vendor, {@code osmand}
 */
public record PositionInput(String plate, Double lat, Double lon, Double speed, Double heading, String time,
                            String source) {
}
