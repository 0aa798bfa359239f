package io.epewatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.AuditTrail;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The health monitor's incidents (R2.3, R2.4): a camera seen down joins the enterprise's open incident of that kind,
 * or opens one, notified when it fell; the cameras of one outage of the channel become one CHANNEL incident; a camera
 * back online is marked so, and when all of an incident's cameras are back the incident closes by itself.
 */
@Component
class IncidentMonitor {

    /** Cameras that the monitor saw fall within this span of each other are one outage. */
    private static final Duration SAME_OUTAGE = Duration.ofMinutes(15);
    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Incidents incidents;
    private final IncidentRows rows;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentMonitor(Incidents incidents, IncidentRows rows, Enterprises enterprises, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.rows = rows;
        this.enterprises = enterprises;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CameraStateChanged change) {
        if (change.to() == CameraState.ONLINE) {
            restored(change);
            return;
        }
        if (change.outage() == null) {
            return;
        }
        rows.lockEnterprise(change.enterpriseTaxCode());
        IncidentKind kind = IncidentKind.valueOf(change.outage());
        Optional<Long> open = rows.openOfKind(change.enterpriseTaxCode(), kind);
        if (kind == IncidentKind.CHANNEL) {
            open = joinChannelOutage(change, open);
        } else {
            // a camera of the channel outage whose change comes after the one that made it a channel outage
            Optional<Long> channel = outage(change, IncidentKind.CHANNEL).stream().findFirst();
            if (channel.isPresent()) {
                open = channel;
            }
        }
        long id;
        if (open.isPresent()) {
            id = open.get();
        } else {
            Optional<Enterprise> enterprise = enterprises.findForSystem(change.enterpriseTaxCode());
            if (enterprise.isEmpty()) {
                return;
            }
            Enterprise e = enterprise.get();
            AppendixII notice = new AppendixII(e.name(), e.address(), e.taxCode(), monitorDescription(change),
                    List.of(change.cameraNumber()), "", null, e.contactName(), e.contactPhone());
            Long inserted = rows.insert(e.taxCode(), kind, Incident.Origin.MONITOR, false, notice, change.since(),
                    incidents.timeline().deadline(kind, change.since()), "monitor",
                    "camera:" + change.cameraId() + ":" + change.since());
            if (inserted == null) {
                return; // delivered before
            }
            id = inserted;
            events.publishEvent(new IncidentOpened(id, e.taxCode(), kind, Incident.Origin.MONITOR));
        }
        rows.cameraDown(id, change.cameraNumber(), change.since());
        rows.listCamerasInNotice(id);
    }

    /**
     * What the monitor writes in the Appendix II form, in Vietnamese like the form itself (issue 15), with the
     * monitor's technical reason kept after it.
     */
    private static String monitorDescription(CameraStateChanged change) {
        String what = change.to() == CameraState.OFFLINE ? "mất tín hiệu" : "có hình ảnh không đạt yêu cầu";
        return "Hệ thống giám sát tự động ghi nhận ca-mê-ra " + change.cameraNumber() + " " + what + " từ "
                + FORM_TIME.format(change.since()) + "." + (change.reason() == null ? "" : " Chi tiết kỹ thuật: " + change.reason());
    }

    /**
     * R2.4: one outage of the channel is one CHANNEL incident listing all its cameras. The monitor records the cameras
     * of an outage one after another, and the first ones, seeing the others still up, opened an EQUIPMENT incident;
     * such an incident, opened by the monitor within {@link #SAME_OUTAGE} of this change and with every camera still
     * down, becomes (or joins) the channel incident.
     */
    private Optional<Long> joinChannelOutage(CameraStateChanged change, Optional<Long> channel) {
        List<Long> sameOutage = outage(change, IncidentKind.EQUIPMENT);
        if (sameOutage.isEmpty()) {
            return channel;
        }
        long target;
        List<Long> merged;
        if (channel.isPresent()) {
            target = channel.get();
            merged = sameOutage;
        } else {
            target = sameOutage.getFirst();
            merged = sameOutage.subList(1, sameOutage.size());
            Instant notified = rows.find(target).orElseThrow().notifiedAt();
            rows.reclassify(target, IncidentKind.CHANNEL, incidents.timeline().deadline(IncidentKind.CHANNEL, notified));
            audit.record("monitor", AuditTrail.Actions.INCIDENT_RECLASSIFIED, change.enterpriseTaxCode(), "incident:" + target,
                    Map.of("change", "reclassified as a channel outage: all the enterprise's cameras are down"));
        }
        for (long other : merged) {
            mergeInto(change.enterpriseTaxCode(), target, other, "the same channel outage");
        }
        return Optional.of(target);
    }

    /**
     * The open incidents of this kind the monitor opened within {@link #SAME_OUTAGE} of this change, either way round,
     * with every camera still down: the same outage as the change, oldest first.
     */
    private List<Long> outage(CameraStateChanged change, IncidentKind kind) {
        return rows.openMonitorIncidentsAllDown(change.enterpriseTaxCode(), kind, change.since().minus(SAME_OUTAGE),
                change.since().plus(SAME_OUTAGE));
    }

    /** The monitor moves the cameras of {@code other} into {@code target} and closes {@code other} as merged. */
    private void mergeInto(String taxCode, long target, long other, String why) {
        rows.moveCameras(other, target);
        rows.close(other, clock.instant(), "Merged into incident " + target + " (" + why + ")");
        audit.record("monitor", AuditTrail.Actions.INCIDENT_RECLASSIFIED, taxCode, "incident:" + other,
                Map.of("change", "merged into incident " + target, "reason", why));
        rows.listCamerasInNotice(target);
    }

    private void restored(CameraStateChanged change) {
        for (long id : rows.openWithCameraDown(change.enterpriseTaxCode(), change.cameraNumber())) {
            if (rows.cameraBack(id, change.cameraNumber(), change.since()) == 0
                    && rows.close(id, change.since(), "Cameras back online (confirmed by the health monitor)")) {
                audit.record("monitor", AuditTrail.Actions.INCIDENT_CLOSED, change.enterpriseTaxCode(),
                        "incident:" + id, Map.of("change", "incident closed: cameras back online"));
            }
        }
    }
}
