package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The thresholds of the rules for one enterprise; HQ analysts set them per sub-department or enterprise, the
 * defaults come from {@code epewatch.risk.*}. Every one is named in {@code docs/rules.md}.
 *
 * @param declarationBefore   how long before a passage a declaration may be registered and still cover it
 * @param declarationAfter    how long after a passage a declaration may still arrive and cover it (feeds lag)
 * @param noteBefore          how long before a gate exit its delivery note may be dated
 * @param exitAfterDelivery   how long after a delivery note the goods must have left through a gate
 * @param clearedSeenWithin   how long after clearance the declared goods must have passed a gate
 * @param stopLongerThan      a stop outside every geofence longer than this is unscheduled
 * @param stopSpeedKmh        below this speed a vehicle counts as stopped
 * @param silenceLongerThan   a vehicle on an open trip silent longer than this
 * @param scrapHoursFrom      start of the hours the EPE declared for moving scrap and refuse (local time)
 * @param scrapHoursTo        end of those hours
 * @param circulationCount    passages of one container within {@code circulationWithin} that are too many
 * @param circulationWithin   the window of repeated circulation
 * @param lateness            how late a fact may arrive and still be judged as if on time: timed rules wait this
 *                            long past their deadline before they warn
 * @param coverageGrace       how long a place that must be watched may have no camera before it is a warning: the
 *                            time to mount the cameras of a new gate or yard
 * @param unreadPerHour       more vehicles than this passing one gate unread within an hour is a warning
 */
public record Thresholds(Duration declarationBefore, Duration declarationAfter, Duration noteBefore,
                         Duration exitAfterDelivery, Duration clearedSeenWithin, Duration stopLongerThan,
                         double stopSpeedKmh, Duration silenceLongerThan, LocalTime scrapHoursFrom,
                         LocalTime scrapHoursTo, int circulationCount, Duration circulationWithin, Duration lateness,
                         Duration coverageGrace, int unreadPerHour) {

    private static final Duration DEFAULT_COVERAGE_GRACE = Duration.ofHours(24);
    private static final int DEFAULT_UNREAD_PER_HOUR = 5;

    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofDays(7), Duration.ofHours(24),
            Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(48), Duration.ofMinutes(30), 5,
            Duration.ofMinutes(30), LocalTime.of(7, 0), LocalTime.of(17, 0), 3, Duration.ofHours(24),
            Duration.ofMinutes(2), DEFAULT_COVERAGE_GRACE, DEFAULT_UNREAD_PER_HOUR);

    public Thresholds {
        // settings in the fact log from before the threshold existed
        coverageGrace = coverageGrace == null ? DEFAULT_COVERAGE_GRACE : coverageGrace;
        unreadPerHour = unreadPerHour <= 0 ? DEFAULT_UNREAD_PER_HOUR : unreadPerHour;
    }

    /** How long the engine must remember a fact so that every rule can still see it. */
    public Duration retention() {
        Duration longest = declarationBefore.plus(declarationAfter);
        for (Duration d : new Duration[] {noteBefore.plus(exitAfterDelivery), clearedSeenWithin.plus(declarationAfter),
                circulationWithin}) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest.plus(lateness);
    }

    /** The thresholds by name, as {@code docs/rules.md} and the settings page name them. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("declarationBefore", declarationBefore.toString());
        map.put("declarationAfter", declarationAfter.toString());
        map.put("noteBefore", noteBefore.toString());
        map.put("exitAfterDelivery", exitAfterDelivery.toString());
        map.put("clearedSeenWithin", clearedSeenWithin.toString());
        map.put("stopLongerThan", stopLongerThan.toString());
        map.put("stopSpeedKmh", Double.toString(stopSpeedKmh));
        map.put("silenceLongerThan", silenceLongerThan.toString());
        map.put("scrapHoursFrom", scrapHoursFrom.toString());
        map.put("scrapHoursTo", scrapHoursTo.toString());
        map.put("circulationCount", Integer.toString(circulationCount));
        map.put("circulationWithin", circulationWithin.toString());
        map.put("lateness", lateness.toString());
        map.put("coverageGrace", coverageGrace.toString());
        map.put("unreadPerHour", Integer.toString(unreadPerHour));
        return map;
    }

    /**
     * These thresholds with the named ones replaced.
     *
     * @throws IllegalArgumentException naming the threshold and why its value cannot be used
     */
    public Thresholds with(Map<String, String> changes) {
        Map<String, String> map = asMap();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!map.containsKey(change.getKey())) {
                throw new IllegalArgumentException(change.getKey() + ": is not a threshold; known: " + map.keySet());
            }
            map.put(change.getKey(), change.getValue());
        }
        return new Thresholds(duration(map, "declarationBefore"), duration(map, "declarationAfter"),
                duration(map, "noteBefore"), duration(map, "exitAfterDelivery"), duration(map, "clearedSeenWithin"),
                duration(map, "stopLongerThan"), positive(map, "stopSpeedKmh", Double::parseDouble),
                duration(map, "silenceLongerThan"), value(map, "scrapHoursFrom", LocalTime::parse, "a time of day like 07:00"),
                value(map, "scrapHoursTo", LocalTime::parse, "a time of day like 17:00"), positive(map, "circulationCount", Integer::parseInt),
                duration(map, "circulationWithin"), duration(map, "lateness"), duration(map, "coverageGrace"),
                positive(map, "unreadPerHour", Integer::parseInt));
    }

    private static Duration duration(Map<String, String> map, String name) {
        Duration d = value(map, name, Duration::parse, "a duration, ISO-8601 like PT30M or P7D");
        if (d.isNegative() || d.compareTo(Duration.ofDays(60)) > 0) {
            throw new IllegalArgumentException(name + ": must be between PT0S and P60D");
        }
        return d;
    }

    private static <T extends Number> T positive(Map<String, String> map, String name, Function<String, T> parser) {
        T n = value(map, name, parser, "a number greater than 0");
        if (n.doubleValue() <= 0) {
            throw new IllegalArgumentException(name + ": must be greater than 0");
        }
        return n;
    }

    private static <T> T value(Map<String, String> map, String name, Function<String, T> parser, String expected) {
        try {
            return parser.apply(map.get(name).strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": cannot read '" + map.get(name) + "': expected " + expected);
        }
    }
}
