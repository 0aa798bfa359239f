package io.epewatch.risk;

import java.time.Duration;
import java.util.Map;

import io.epewatch.risk.engine.Thresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine's settings ({@code epewatch.risk.*}, {@code EPEWATCH_RISK_*}).
 *
 * @param thresholds the default thresholds, by the names of {@code docs/rules.md}
 *                   ({@code epewatch.risk.thresholds.stopLongerThan=PT45M}); HQ analysts override them per
 *                   sub-department or enterprise
 * @param tickEvery  how often the wall clock is given to the engine, so timed rules fire when nothing else happens
 * @param enabled    whether the engine runs in this process (off for commands)
 * @param partitions how many partitions the engine's work is split in, by enterprise (issue 22): each is read by one
 *                   instance at a time, with its own queue, log and clock. Fixed when the database is first used;
 *                   every instance sharing it must say the same
 */
@ConfigurationProperties("epewatch.risk")
public record RiskProperties(@DefaultValue Map<String, String> thresholds, @DefaultValue("PT30S") Duration tickEvery,
                             @DefaultValue("true") boolean enabled, @DefaultValue("16") int partitions) {

    /** @throws IllegalArgumentException at start-up, naming a threshold that cannot be read */
    public Thresholds defaults() {
        return Thresholds.DEFAULTS.with(thresholds);
    }
}
