package io.epewatch.evidence;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence storage ({@code epewatch.evidence.*}).
 *
 * @param retention    how long evidence is kept; R2.2 requires at least 12 months, so a shorter value stops start-up
 * @param minFreeSpace below this much free space the store raises its disk-space alarm (health DOWN); it never
 *                     deletes held or young evidence to make room
 */
@ConfigurationProperties("epewatch.evidence")
public record EvidenceProperties(@DefaultValue("P12M") Period retention, @DefaultValue("1GB") DataSize minFreeSpace) {

    /** A leap-year start is the worst case: 365 days would fall one day short of twelve months there. */
    private static final LocalDate WORST_CASE = LocalDate.of(2024, 1, 1);

    public EvidenceProperties {
        if (WORST_CASE.plus(retention).isBefore(WORST_CASE.plusMonths(12))) {
            throw new IllegalArgumentException("epewatch.evidence.retention is " + retention
                    + ", but Decision 247 (R2.2) requires evidence to be kept at least 12 months (P12M)");
        }
    }
}
