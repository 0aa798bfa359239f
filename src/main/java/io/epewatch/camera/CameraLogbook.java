package io.epewatch.camera;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Camera;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.SiteDiagram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The camera logbook (R1.5): the monitor writes every state change by itself; EPE users and officers add what a
 * monitor cannot know — power cuts, repairs, maintenance, planned work (R1.6).
 */
@Service
public class CameraLogbook {

    /** Kinds a person may log (R1.5, R1.6). */
    public static final Set<String> MANUAL_KINDS = Set.of("POWER_CUT", "NOT_WORKING", "REPAIR", "MAINTENANCE", "PLANNED_WORK", "OTHER");

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final AuditTrail audit;
    private final Clock clock;

    CameraLogbook(JdbcClient jdbc, Enterprises enterprises, SiteDiagram diagram, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.audit = audit;
        this.clock = clock;
    }

    public List<LogbookEntry> entries(AccessScope scope, String taxCode, int limit) {
        return entries(scope, taxCode, null, limit);
    }

    /** The newest entries of one camera of the enterprise, or of all its cameras when {@code cameraNumber} is null. */
    public List<LogbookEntry> entries(AccessScope scope, String taxCode, String cameraNumber, int limit) {
        if (enterprises.visibleTaxCodes(scope, taxCode).isEmpty()) {
            throw new NotFoundException("enterprise", taxCode);
        }
        return jdbc.sql("""
                        select * from camera_logbook where enterprise_tax_code = ? and (?::text is null or camera_number = ?)
                        order by at desc, id desc limit ?""")
                .params(taxCode, cameraNumber, cameraNumber, Math.min(Math.max(limit, 1), 1000)).query(CameraLogbook::toEntry).list();
    }

    public record ManualEntry(String cameraNumber, String kind, String reason, String at) {
    }

    @Transactional
    public LogbookEntry add(Caller caller, String taxCode, ManualEntry entry) {
        if (!caller.isCustoms() && !(caller.has(Role.EPE_USER) && taxCode.equals(caller.access().enterpriseTaxCode()))) {
            throw new AccessDeniedException("you may not write this enterprise's logbook");
        }
        if (enterprises.visibleTaxCodes(caller.access(), taxCode).isEmpty()) {
            throw new NotFoundException("enterprise", taxCode);
        }
        InputCheck check = new InputCheck();
        Camera camera = null;
        if (check.require("cameraNumber", entry.cameraNumber())) {
            camera = diagram.findCamera(taxCode, entry.cameraNumber().strip()).orElse(null);
            if (camera == null) {
                check.reject("cameraNumber", "cameraNotOnDiagram", "no camera with this number on the site diagram");
            }
        }
        if (check.require("kind", entry.kind()) && !MANUAL_KINDS.contains(entry.kind())) {
            check.reject("kind", "logbookKind", "must be one of " + String.join(", ", new java.util.TreeSet<>(MANUAL_KINDS)));
        }
        check.require("reason", entry.reason());
        check.maxLength("reason", entry.reason(), 1000);
        Instant at = entry.at() == null || entry.at().isBlank() ? clock.instant()
                : check.parseOptional("at", entry.at(), io.epewatch.kernel.Timestamps::parse);
        check.throwIfAny();
        long id = jdbc.sql("""
                        insert into camera_logbook (camera_id, enterprise_tax_code, camera_number, location_name, at, state, kind,
                            reason, source, author) values (?, ?, ?, ?, ?, null, ?, ?, 'PERSON', ?) returning id""")
                .params(camera.id(), taxCode, camera.number(), camera.locationName(), Timestamp.from(at), entry.kind(),
                        entry.reason().strip(), caller.name())
                .query(Long.class).single();
        audit.record(caller.name(), "LOGBOOK_ENTRY_ADDED", taxCode, "camera:" + camera.number(), Map.of("kind", entry.kind()));
        return jdbc.sql("select * from camera_logbook where id = ?").param(id).query(CameraLogbook::toEntry).single();
    }

    /** The health monitor's own entry for a debounced state change; people add theirs with {@link #add}. */
    public void recordChange(Camera camera, CameraState state, Instant since, String reason, String outage) {
        jdbc.sql("""
                        insert into camera_logbook (camera_id, enterprise_tax_code, camera_number, location_name, at, state, kind,
                            reason, outage, source) values (?, ?, ?, ?, ?, ?, 'STATE_CHANGE', ?, ?, 'MONITOR')""")
                .params(camera.id(), camera.enterpriseTaxCode(), camera.number(), camera.locationName(), Timestamp.from(since),
                        state.name(), reason, outage)
                .update();
    }

    /** R1.5: a camera taken out of service or put back is a line of its logbook, by whoever did it (same transaction). */
    @org.springframework.context.event.EventListener
    void on(io.epewatch.registry.CameraRetired change) {
        Camera camera = diagram.findCamera(change.enterpriseTaxCode(), change.cameraNumber()).orElseThrow();
        jdbc.sql("""
                        insert into camera_logbook (camera_id, enterprise_tax_code, camera_number, location_name, at, state, kind,
                            reason, source, author) values (?, ?, ?, ?, ?, null, ?, ?, 'PERSON', ?)""")
                .params(camera.id(), camera.enterpriseTaxCode(), camera.number(), camera.locationName(), Timestamp.from(change.at()),
                        change.retired() ? "RETIRED" : "REINSTATED",
                        change.retired() ? "Ca-mê-ra ngừng sử dụng" : "Ca-mê-ra được đưa vào sử dụng lại", change.by())
                .update();
    }

    /** The monitor's entry for a fault that stays but changes its nature (a LOW_FRAME_RATE that became FROZEN_IMAGE). */
    public void recordReasonChange(Camera camera, CameraState state, Instant since, String reason) {
        jdbc.sql("""
                        insert into camera_logbook (camera_id, enterprise_tax_code, camera_number, location_name, at, state, kind,
                            reason, source) values (?, ?, ?, ?, ?, ?, 'REASON_CHANGE', ?, 'MONITOR')""")
                .params(camera.id(), camera.enterpriseTaxCode(), camera.number(), camera.locationName(), Timestamp.from(since),
                        state.name(), reason)
                .update();
    }

    private static LogbookEntry toEntry(ResultSet rs, int row) throws SQLException {
        String state = rs.getString("state");
        return new LogbookEntry(rs.getLong("id"), rs.getString("enterprise_tax_code"), rs.getString("camera_number"),
                rs.getString("location_name"), rs.getTimestamp("at").toInstant(), state == null ? null : CameraState.valueOf(state),
                rs.getString("kind"), rs.getString("reason"), rs.getString("outage"), rs.getString("source"), rs.getString("author"));
    }
}
