package io.epewatch.incident;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.gate.GateReceipt;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manual gate log (R2.3): while a gate camera is down the EPE writes down each vehicle — plate, containers, time
 * in or out. Each entry becomes a gate event of source {@code manual-log} at that gate, so it is on the gate's
 * timeline and the risk rules judge it like any other passage; it is also listed on the incident.
 */
@Service
public class ManualGateLog {

    public static final String SOURCE = "manual-log";

    private final Incidents incidents;
    private final GateEvents gateEvents;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SiteDiagram diagram;

    ManualGateLog(Incidents incidents, GateEvents gateEvents, JdbcClient jdbc, AuditTrail audit, SiteDiagram diagram) {
        this.diagram = diagram;
        this.incidents = incidents;
        this.gateEvents = gateEvents;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Writes one vehicle into the log of an open incident, at one of its cameras. {@code entryId}, when given, makes
     * a repeat (a form sent twice, a retried request) return the first entry.
     */
    @Transactional
    public GateEvent write(Caller caller, long incidentId, GateEventInput entry, String entryId) {
        Incident incident = incidents.find(caller.access(), incidentId)
                .orElseThrow(() -> new NotFoundException("incident", String.valueOf(incidentId)));
        if (incident.closedAt() != null) {
            throw new InvalidInputException("id", "incidentClosed", "the incident is closed: the cameras record the gate again");
        }
        List<String> gates = gateCamerasDown(incident);
        if (gates.isEmpty()) {
            throw new InvalidInputException("cameraNumber", "noGateCameraDown", "none of the incident's gate cameras is down: no manual gate log is kept");
        }
        if (entry.cameraNumber() == null || !gates.contains(entry.cameraNumber().strip())) {
            throw new InvalidInputException("cameraNumber", "gateCameraDown", "must be one of the incident's gate cameras that are down: "
                    + String.join(", ", gates), String.join(", ", gates));
        }
        GateReceipt receipt = gateEvents.record(new GateEventInput(incident.enterpriseTaxCode(), entry.cameraNumber().strip(),
                entry.direction(), entry.capturedAt(), entry.plate(), entry.containerNumbers()),
                entryId == null || entryId.isBlank() ? null : "incident:" + incidentId + ":" + entryId.strip(), SOURCE);
        GateEvent passage = receipt.event();
        int added = jdbc.sql("""
                        insert into incident_gate_entry (incident_id, gate_event_id, by_user, at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(incidentId, passage.id(), caller.name(), Timestamp.from(passage.receivedAt())).update();
        if (added > 0) {
            audit.record(caller.name(), AuditTrail.Actions.MANUAL_GATE_LOG, incident.enterpriseTaxCode(),
                    "incident:" + incidentId, Map.of("change", "manual gate log entry", "gateEvent", passage.id()));
        }
        return passage;
    }

    /** R2.3: the log is kept for the incident's gate cameras while they are down, and only for them. */
    public List<String> gateCamerasDown(Incident incident) {
        return incident.cameras().stream().filter(c -> c.backAt() == null).map(Incident.AffectedCamera::number)
                .filter(n -> diagram.findCamera(incident.enterpriseTaxCode(), n).map(c -> c.locationKind() == LocationKind.GATE).orElse(false))
                .toList();
    }

    /** The incident's log, in the order the vehicles passed. */
    public List<GateEvent> entries(AccessScope scope, long incidentId) {
        incidents.find(scope, incidentId).orElseThrow(() -> new NotFoundException("incident", String.valueOf(incidentId)));
        return jdbc.sql("select gate_event_id from incident_gate_entry where incident_id = ?").param(incidentId)
                .query(Long.class).list().stream().map(id -> gateEvents.find(scope, id)).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(GateEvent::capturedAt)).toList();
    }
}
