package io.epewatch.camera.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One camera's states over a window, as consecutive segments, with the time spent in each. UNKNOWN covers the time
 * before the monitor first looked at the camera; availability counts only the time that is known.
 */
public record Timeline(String enterpriseTaxCode, String cameraNumber, Instant from, Instant to, List<Segment> segments) {

    public enum State { ONLINE, DEGRADED, OFFLINE, UNKNOWN }

    public record Segment(State state, Instant from, Instant to, String reason) {
        public Duration length() {
            return Duration.between(from, to);
        }

        /** Width of this segment in a bar that shows the whole window, in percent. */
        public double percentOf(Timeline timeline) {
            long total = Duration.between(timeline.from(), timeline.to()).toMillis();
            return total == 0 ? 0 : 100.0 * length().toMillis() / total;
        }
    }

    public Map<State, Duration> timeIn() {
        Map<State, Duration> time = new EnumMap<>(State.class);
        for (State state : State.values()) {
            time.put(state, Duration.ZERO);
        }
        segments.forEach(s -> time.merge(s.state(), s.length(), Duration::plus));
        return time;
    }

    /** Percent of the known time the camera was ONLINE; null when nothing is known. */
    public Double availability() {
        Map<State, Duration> time = timeIn();
        long known = time.get(State.ONLINE).plus(time.get(State.DEGRADED)).plus(time.get(State.OFFLINE)).toMillis();
        return known == 0 ? null : Math.round(1000.0 * time.get(State.ONLINE).toMillis() / known) / 10.0;
    }

    /** How many times the camera went OFFLINE within the window. */
    public long outages() {
        return segments.stream().filter(s -> s.state() == State.OFFLINE).count();
    }
}
