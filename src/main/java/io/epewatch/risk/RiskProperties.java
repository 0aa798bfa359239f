package io.epewatch.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the rules ({@code epewatch.risk.*}, {@code EPEWATCH_RISK_*}).
 *
 * @param declarationWindowBefore how long before a passage an export declaration may have been registered and
 *                                still cover it (goods are declared, then leave)
 * @param declarationWindowAfter  how long after a passage a declaration may still arrive and cover it (feeds lag);
 *                                a later one still resolves the warning only inside this window
 */
@ConfigurationProperties("epewatch.risk")
public record RiskProperties(@DefaultValue("P7D") Duration declarationWindowBefore,
                             @DefaultValue("PT24H") Duration declarationWindowAfter) {
}
