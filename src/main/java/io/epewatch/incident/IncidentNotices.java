package io.epewatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the EPE files (R2.3, R2.4): the Appendix II notification of an incident — by the EPE's own users for their
 * enterprise, or by customs staff for one in their scope (then it is an officer's incident) — and the late notice once
 * the deadline has passed.
 */
@Service
public class IncidentNotices {

    private final Incidents incidents;
    private final IncidentRows rows;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final CameraLogbook logbook;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentNotices(Incidents incidents, IncidentRows rows, Enterprises enterprises, SiteDiagram diagram,
                    CameraLogbook logbook, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.rows = rows;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.logbook = logbook;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Files an Appendix II notification (R2.3, R2.4). */
    @Transactional
    public Incident file(Caller caller, NoticeInput input) {
        InputCheck check = new InputCheck();
        Enterprise enterprise = null;
        if (check.require("enterpriseTaxCode", input.enterpriseTaxCode())) {
            enterprise = enterprises.find(caller.access(), input.enterpriseTaxCode().strip()).orElse(null);
            if (enterprise == null) {
                check.reject("enterpriseTaxCode", "notifyEnterprise", "is not an enterprise you may notify for");
            }
        }
        IncidentKind kind = check.parse("kind", input.kind(), raw -> IncidentKind.valueOf(raw.strip().toUpperCase()));
        check.requireText("description", input.description(), 2_000);
        check.requireText("effect", input.effect(), 2_000);
        check.requireText("technicalContactName", input.technicalContactName(), 200);
        check.requireText("technicalContactPhone", input.technicalContactPhone(), 50);
        Instant expected = check.parse("expectedRestoration", input.expectedRestoration(), Timestamps::parse);
        List<String> cameras = input.affectedCameras() == null ? List.of()
                : input.affectedCameras().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        if (cameras.isEmpty()) {
            check.reject("affectedCameras", "camerasRequired", "name at least one camera by its number on the site diagram");
        } else if (enterprise != null) {
            String taxCode = enterprise.taxCode();
            List<String> unknown = cameras.stream().filter(c -> diagram.findCamera(taxCode, c).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                check.reject("affectedCameras", "camerasUnknown", "not on the site diagram: " + String.join(", ", unknown), String.join(", ", unknown));
            }
        }
        check.throwIfAny();
        Instant now = clock.instant();
        AppendixII notice = new AppendixII(enterprise.name(), enterprise.address(), enterprise.taxCode(),
                input.description().strip(), cameras, input.effect().strip(), expected,
                input.technicalContactName().strip(), input.technicalContactPhone().strip());
        Incident.Origin origin = caller.roles().stream().anyMatch(Role::enterpriseSide) ? Incident.Origin.NOTICE
                : Incident.Origin.OFFICER;
        boolean planned = Boolean.TRUE.equals(input.planned());
        if (!planned) {
            Optional<Long> seen = rows.openMonitorIncidentFor(enterprise.taxCode(), cameras);
            if (seen.isPresent()) {
                return completeWithNotice(caller, seen.get(), kind, notice, cameras, origin);
            }
        }
        long id = rows.insert(enterprise.taxCode(), kind, origin, planned, notice, now,
                incidents.timeline().deadline(kind, now), caller.name(), null);
        if (origin == Incident.Origin.NOTICE) {
            rows.noticeFiledWhenNotified(id);
        }
        for (String camera : cameras) {
            rows.addCamera(id, camera, now);
        }
        if (planned) {
            // R1.6: planned work is written in each camera's logbook, so it reads as announced, not as a failure
            for (String camera : cameras) {
                logbook.add(caller, enterprise.taxCode(), new CameraLogbook.ManualEntry(camera, "PLANNED_WORK",
                        notice.description() + " (thông báo sự cố số " + id + ")", null));
            }
        }
        audit.record(caller.name(), AuditTrail.Actions.INCIDENT_NOTICE_FILED, enterprise.taxCode(), "incident:" + id,
                Map.of("change", "Appendix II notification filed", "kind", kind.name(), "cameras", cameras,
                        "planned", planned));
        events.publishEvent(new IncidentOpened(id, enterprise.taxCode(), kind, origin));
        return incidents.find(AccessScope.all(), id).orElseThrow();
    }

    /**
     * The EPE's notice for an outage the monitor already opened completes that incident rather than opening a second
     * one: its Appendix II text replaces the monitor's, its cameras join, the stricter kind wins, and the deadline
     * still runs from when the outage was seen (R2.3, R2.4).
     */
    private Incident completeWithNotice(Caller caller, long id, IncidentKind kind, AppendixII notice, List<String> cameras,
                                        Incident.Origin origin) {
        Incident seen = incidents.find(AccessScope.all(), id).orElseThrow();
        IncidentKind stricter = seen.kind() == IncidentKind.CHANNEL ? IncidentKind.CHANNEL : kind;
        Instant now = clock.instant();
        rows.completeNotice(id, notice, stricter, incidents.timeline().deadline(stricter, seen.notifiedAt()), now);
        for (String camera : cameras) {
            rows.addCamera(id, camera, now);
        }
        rows.listCamerasInNotice(id);
        audit.record(caller.name(), AuditTrail.Actions.INCIDENT_NOTICE_FILED, seen.enterpriseTaxCode(), "incident:" + id,
                Map.of("change", "Appendix II notification filed for the monitor's incident", "kind", stricter.name(),
                        "cameras", cameras, "by", origin.name()));
        return incidents.find(AccessScope.all(), id).orElseThrow();
    }

    /** The EPE's late notice once the deadline has passed (R2.3, R2.4): the reason and the new expected date. */
    @Transactional
    public Incident fileLateNotice(Caller caller, long id, String reason, String newExpected) {
        Incident incident = incidents.forStep(caller, id, IncidentState.Step.LATE_NOTICE);
        InputCheck check = new InputCheck();
        check.requireText("reason", reason, 2_000);
        Instant expected = check.parse("newExpectedRestoration", newExpected, Timestamps::parse);
        if (expected != null && expected.isBefore(clock.instant())) {
            check.reject("newExpectedRestoration", "mustBeFuture", "must be in the future");
        }
        check.throwIfAny();
        rows.lateNotice(id, reason.strip(), expected, caller.name(), clock.instant());
        audit.record(caller.name(), AuditTrail.Actions.INCIDENT_LATE_NOTICE, incident.enterpriseTaxCode(), "incident:" + id,
                Map.of("change", "late notice filed", "newExpected", expected.toString()));
        return incidents.find(caller.access(), id).orElseThrow();
    }
}
