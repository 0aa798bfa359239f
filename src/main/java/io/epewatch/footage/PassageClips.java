package io.epewatch.footage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.epewatch.camera.CameraFleet;
import io.epewatch.camera.archive.FootageArchive;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventRecorded;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningRaised;
import io.epewatch.risk.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the clip of each gate passage a camera saw (recognition or edge ANPR; not the manual gate log, written while
 * the camera was down) and of each passage a warning is about. A passage is noted at once (durably, with the event)
 * and its clip cut once the {@code after} seconds have been filmed: from the camera's recent footage, else from its
 * recorder's replay. A clip that cannot be had is tried three times a minute apart, then left FAILED with the reason,
 * which the passage page shows.
 */
@Component
public class PassageClips {

    /** The clip of a passage: kept (with its evidence), still to come, or failed and why. */
    public record Status(long gateEventId, String state, UUID evidenceId, String reason, Instant dueAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(PassageClips.class);
    private static final int ATTEMPTS = 3;
    /** The manual gate log is written while the camera was down: there is nothing to film. */
    private static final String MANUAL_LOG = "manual-log";

    private final JdbcClient jdbc;
    private final SiteDiagram diagram;
    private final CameraFleet fleet;
    private final GateEvents gateEvents;
    private final Warnings warnings;
    private final FootageArchive archive;
    private final EvidenceStore evidence;
    private final Clock clock;
    private final boolean enabled;
    private final Duration before;
    private final Duration after;

    PassageClips(JdbcClient jdbc, SiteDiagram diagram, CameraFleet fleet, GateEvents gateEvents, Warnings warnings, FootageArchive archive,
                 EvidenceStore evidence, Clock clock, @Value("${epewatch.footage.clips.enabled:true}") boolean enabled,
                 @Value("${epewatch.footage.clips.before:10s}") Duration before,
                 @Value("${epewatch.footage.clips.after:10s}") Duration after) {
        this.jdbc = jdbc;
        this.diagram = diagram;
        this.fleet = fleet;
        this.gateEvents = gateEvents;
        this.warnings = warnings;
        this.archive = archive;
        this.evidence = evidence;
        this.clock = clock;
        this.enabled = enabled;
        this.before = before;
        this.after = after;
    }

    @ApplicationModuleListener
    void on(GateEventRecorded passage) {
        if (enabled && !MANUAL_LOG.equals(passage.source())) {
            note(passage.gateEventId(), passage.enterpriseTaxCode(), passage.cameraNumber(), passage.capturedAt());
        }
    }

    /** A warning about a passage keeps the passage's clip, whoever recorded the passage (an API client too). */
    @ApplicationModuleListener
    void on(WarningRaised raised) {
        if (!enabled) {
            return;
        }
        warnings.find(AccessScope.all(), raised.warningId()).map(Warning::gateEventId)
                .flatMap(id -> gateEvents.find(AccessScope.all(), id))
                .filter(event -> !MANUAL_LOG.equals(event.source()))
                .ifPresent(event -> note(event.id(), event.enterpriseTaxCode(), event.cameraNumber(), event.capturedAt()));
    }

    private void note(long gateEventId, String taxCode, String cameraNumber, Instant capturedAt) {
        jdbc.sql("""
                        insert into passage_clip (gate_event_id, enterprise_tax_code, camera_number, captured_at, due_at)
                        values (?, ?, ?, ?, ?) on conflict (gate_event_id) do nothing""")
                .params(gateEventId, taxCode, cameraNumber, Timestamp.from(capturedAt),
                        Timestamp.from(capturedAt.plus(after).plusSeconds(2)))
                .update();
    }

    @Scheduled(fixedDelayString = "${epewatch.footage.clips.every:2s}", initialDelayString = "${epewatch.footage.clips.every:2s}")
    void cutDue() {
        if (enabled) {
            cut(8);
        }
    }

    /** Cuts the clips that are due, at most {@code limit}; returns how many were kept. */
    int cut(int limit) {
        record Due(long gateEventId, String taxCode, String cameraNumber, Instant capturedAt, int attempts) {
        }
        // each camera looked up once, for the fleet's filter and for the cut
        Map<String, Optional<Camera>> cameras = new HashMap<>();
        Function<Due, Optional<Camera>> cameraOf = d -> cameras.computeIfAbsent(d.taxCode() + "/" + d.cameraNumber(),
                k -> diagram.findCamera(d.taxCode(), d.cameraNumber()));
        List<Due> due = jdbc.sql("""
                        select gate_event_id, enterprise_tax_code, camera_number, captured_at, attempts from passage_clip
                        where state = 'PENDING' and due_at <= ? order by due_at limit ?""")
                .params(Timestamp.from(clock.instant()), limit * 25)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
                .list().stream()
                // the instance looking after the camera holds its recent footage (issue 22); a camera gone from the
                // diagram is anyone's to report
                .filter(d -> cameraOf.apply(d).map(fleet::mine).orElse(true))
                .limit(limit).toList();
        int kept = 0;
        for (Due clip : due) {
            String reason;
            try {
                Optional<Camera> camera = cameraOf.apply(clip);
                FootageArchive.SystemClip cut = camera.isEmpty() ? new FootageArchive.SystemClip(null, "the camera is not on the site diagram")
                        : archive.clipForSystem(camera.get(), clip.capturedAt().minus(before), clip.capturedAt().plus(after));
                if (cut.mp4() != null) {
                    EvidenceItem item = evidence.store(new NewEvidence(cut.mp4(), "video/mp4", clip.taxCode(), clip.cameraNumber(),
                                    clip.capturedAt().minus(before)),
                            List.of(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, String.valueOf(clip.gateEventId()))));
                    jdbc.sql("update passage_clip set state = 'KEPT', evidence_id = ?, reason = null, updated_at = now() where gate_event_id = ?")
                            .params(item.id(), clip.gateEventId()).update();
                    kept++;
                    continue;
                }
                reason = cut.whyNot();
            } catch (RuntimeException e) {
                reason = "the clip could not be kept: " + e.getMessage();
                log.warn("Clip of passage {} not kept: {}", clip.gateEventId(), e.toString());
            }
            boolean last = clip.attempts() + 1 >= ATTEMPTS;
            jdbc.sql("""
                            update passage_clip set attempts = attempts + 1, reason = ?, state = ?, due_at = ?, updated_at = now()
                            where gate_event_id = ?""")
                    .params(reason, last ? "FAILED" : "PENDING", Timestamp.from(clock.instant().plus(Duration.ofMinutes(1))),
                            clip.gateEventId())
                    .update();
        }
        return kept;
    }

    /** The clip of a passage, if the passage is one that keeps a clip. */
    public Optional<Status> status(long gateEventId) {
        return jdbc.sql("select gate_event_id, state, evidence_id, reason, due_at from passage_clip where gate_event_id = ?")
                .param(gateEventId)
                .query((rs, n) -> new Status(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }
}
