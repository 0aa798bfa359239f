package io.epewatch.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A dense tracker (one fix every 1.5 s, far more than the 1,024 a track keeps) whose whole journey arrives hours
 * late, batch after batch, while the engine's clock is already at the present: the journey's alarms are found, once
 * each, and the backlog catching up raises no silence per batch.
 */
class TrackBacklogTest {

    private static final Instant START = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    @DisplayName("R4.5 a late, dense journey gives its stop, its silence and its late arrival — once each")
    void backlogGivesTheJourneysAlarmsOnce() {
        Analysis analysis = new Analysis(Thresholds.DEFAULTS);
        List<WarningChange> changes = new ArrayList<>(analysis.accept(new Fact.Tick(START.plus(Duration.ofMinutes(170)))));
        changes.addAll(analysis.accept(new Fact.Trip(1, "0312345678", "51C-123.45", null, "EPE", "PORT",
                Duration.ofMinutes(32), Fact.TripStage.STARTED, START)));
        List<Fact.Fix> journey = new ArrayList<>();
        for (long ms = 0; journey.size() < 5_000; ms += 1_500) {
            double minute = ms / 60_000.0;
            if (minute >= 75 && minute < 115) {
                continue; // the tracker is silent for 40 minutes
            }
            boolean standing = minute >= 30 && minute < 70;
            journey.add(new Fact.Fix("51C-123.45", 10.9, 106.8, standing ? 0 : 35, 90, START.plusMillis(ms),
                    minute >= 160 ? "PORT" : null));
        }
        for (int i = 0; i < journey.size(); i += 200) {
            List<Fact.Fix> batch = journey.subList(i, Math.min(i + 200, journey.size()));
            changes.addAll(analysis.accept(new Fact.Fixes(batch, batch.getLast().at())));
        }
        changes.addAll(analysis.accept(new Fact.Tick(START.plus(Duration.ofMinutes(175)))));

        long silentFrom = START.plus(Duration.ofMinutes(75)).minusMillis(1_500).toEpochMilli();
        assertThat(Scenario.describe(changes)).containsExactly(
                // at the trip's start nothing had come yet: true then, resolved by the backlog
                "RAISED GPS_SILENCE|trip:1|from:" + START.toEpochMilli(),
                "RAISED TRAVEL_TIME_ANOMALY|trip:1",
                "RESOLVED GPS_SILENCE|trip:1|from:" + START.toEpochMilli(),
                "RAISED UNSCHEDULED_STOP|trip:1|stop:" + START.plus(Duration.ofMinutes(30)).toEpochMilli(),
                "RAISED GPS_SILENCE|trip:1|from:" + silentFrom,
                "MERGED TRAVEL_TIME_ANOMALY|trip:1");
    }
}
