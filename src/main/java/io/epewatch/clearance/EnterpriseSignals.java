package io.epewatch.clearance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.epewatch.identity.AccessScope;
import io.epewatch.incident.Compliance;
import io.epewatch.incident.Incidents;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import org.springframework.stereotype.Component;

/**
 * What only this system knows about an EPE, for selectivity (R5.8: supervision by technical means): its camera
 * compliance score, its open camera incidents and its recent open gate warnings. Reused for a short while, so a
 * burst of registrations of one enterprise reads them once.
 */
@Component
class EnterpriseSignals {

    record Signals(int complianceScore, int openCameraIncidents, int recentWarnings, Instant readAt) {
    }

    private static final Duration RECENT = Duration.ofDays(30);

    private final Compliance compliance;
    private final Incidents incidents;
    private final Warnings warnings;
    private final ClearanceProperties settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Signals> recent = new ConcurrentHashMap<>();

    EnterpriseSignals(Compliance compliance, Incidents incidents, Warnings warnings, ClearanceProperties settings, Clock clock) {
        this.compliance = compliance;
        this.incidents = incidents;
        this.warnings = warnings;
        this.settings = settings;
        this.clock = clock;
    }

    Signals of(String taxCode) {
        Instant now = clock.instant();
        Signals known = recent.get(taxCode);
        if (known != null && known.readAt().plus(settings.signalsFor()).isAfter(now)) {
            return known;
        }
        Signals read = new Signals(compliance.of(AccessScope.all(), taxCode).score(),
                incidents.list(AccessScope.all(), taxCode, true, 500).size(),
                (int) warnings.list(AccessScope.all(), taxCode, WarningStatus.OPEN, 500).stream()
                        .filter(w -> w.raisedAt().isAfter(now.minus(RECENT))).count(),
                now);
        recent.put(taxCode, read);
        return read;
    }

    /** Forget what was read, so the next registration sees the latest (tests, and after a criteria change). */
    void forget() {
        recent.clear();
    }
}
