package io.epewatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.LogbookEntry;
import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import org.springframework.stereotype.Component;

/**
 * An enterprise's risk score (0–100): 70 % from its open warnings of the last 30 days (their scores summed, a third
 * of the sum capped at 100), 30 % from its compliance — the share of its cameras not down now (R1.7, R2.1). The
 * weights are a first proposal for HQ analysts to tune; the parts are shown with the score.
 */
@Component
class EnterpriseRisk {

    private static final Duration RECENT = Duration.ofDays(30);

    /** The score and what it is made of. */
    record Score(int score, int warningsPart, int openWarnings, int cameras, int camerasDown) {
    }

    private final Warnings warnings;
    private final SiteDiagram diagram;
    private final CameraLogbook logbook;
    private final Clock clock;

    EnterpriseRisk(Warnings warnings, SiteDiagram diagram, CameraLogbook logbook, Clock clock) {
        this.warnings = warnings;
        this.diagram = diagram;
        this.logbook = logbook;
        this.clock = clock;
    }

    Score of(AccessScope scope, String taxCode) {
        Instant since = clock.instant().minus(RECENT);
        List<Warning> open = warnings.list(scope, taxCode, WarningStatus.OPEN, 500).stream()
                .filter(w -> w.raisedAt().isAfter(since)).toList();
        int warningsPart = (int) Math.min(100, open.stream().mapToInt(Warning::score).sum() / 3);
        List<Camera> cameras = diagram.cameras(scope, taxCode);
        Map<String, CameraState> latest = new HashMap<>();
        for (LogbookEntry entry : logbook.entries(scope, taxCode, 1_000)) { // newest first
            if (entry.state() != null) {
                latest.putIfAbsent(entry.cameraNumber(), entry.state());
            }
        }
        int down = (int) cameras.stream().filter(c -> {
            CameraState state = latest.get(c.number());
            return state != null && state != CameraState.ONLINE;
        }).count();
        double downShare = cameras.isEmpty() ? 0 : (double) down / cameras.size();
        int score = (int) Math.round(0.7 * warningsPart + 0.3 * 100 * downShare);
        return new Score(score, warningsPart, open.size(), cameras.size(), down);
    }
}
