package io.epewatch.clearance.selectivity;

import java.math.BigDecimal;
import java.util.List;

/**
 * What selectivity judges about one declaration at its registration. Kept with the declaration so that a criteria
 * change can be previewed on the declarations already registered.
 *
 * @param complianceScore      the EPE's camera compliance score, 0–100 (R2.5)
 * @param openCameraIncidents  camera incidents of the EPE open now
 * @param recentWarnings       open gate-analysis warnings of the EPE from the last 30 days
 * @param declarantViolations  discrepancies found on the declarant's declarations in the last 12 months
 */
public record Subject(List<String> hsCodes, List<String> origins, BigDecimal valueVnd, int declarantViolations,
                      int complianceScore, int openCameraIncidents, int recentWarnings) {

    public Subject {
        hsCodes = List.copyOf(hsCodes);
        origins = List.copyOf(origins);
    }
}
