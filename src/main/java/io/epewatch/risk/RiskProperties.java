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
 */
@ConfigurationProperties("epewatch.risk")
public record RiskProperties(@DefaultValue Map<String, String> thresholds, @DefaultValue("PT30S") Duration tickEvery,
                             @DefaultValue("true") boolean enabled) {

    /** @throws IllegalArgumentException at start-up, naming a threshold that cannot be read */
    public Thresholds defaults() {
        return Thresholds.DEFAULTS.with(thresholds);
    }
}
