package io.epewatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * The trucks that cross a simulated gate camera's picture, one after another, and how long the lane stays empty
 * between them. Crossing {@code n} shows {@code vehicles.apply(n)}. On the wall clock, crossing {@code n} starts at
 * {@code n × (crossing + gap)} milliseconds after the epoch, so what a camera shows at a given time is known in
 * advance (the demo registers the trucks' declarations before they leave) and does not repeat after a restart.
 *
 * @param onWallClock false: crossings count from the camera's start (tests)
 * @param bothWays    the lane is used both ways: even crossings come towards the camera, odd ones drive away
 */
public record Traffic(Duration gap, boolean onWallClock, LongFunction<Vehicle> vehicles, boolean bothWays) {

    /** What a truck shows the camera: its plate and the container number painted on it. */
    public record Vehicle(String plate, String container) {
    }

    /** The same truck again and again, 7 s apart, counted from the camera's start. */
    static Traffic constant(String plate, String container) {
        Vehicle vehicle = new Vehicle(plate, container);
        return new Traffic(Duration.ofMillis(GateScene.GAP_MILLIS), false, n -> vehicle, false);
    }

    /** The same trucks on a lane used both ways. */
    public Traffic usedBothWays() {
        return new Traffic(gap, onWallClock, vehicles, true);
    }

    /** One crossing and the empty lane after it. */
    public Duration cycle() {
        return gap.plusMillis(GateScene.CROSSING_MILLIS);
    }

    /** The crossing under way (or the lane empty after it) at {@code at}, on the wall clock. */
    public long crossingAt(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), cycle().toMillis());
    }

    /** When crossing {@code n} starts on the wall clock. */
    public Instant crossingStarts(long n) {
        return Instant.ofEpochMilli(n * cycle().toMillis());
    }
}
