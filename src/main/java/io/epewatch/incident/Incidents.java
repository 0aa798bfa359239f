package io.epewatch.incident;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Account;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.SiteDiagram;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camera and channel incidents (R1.6, R2.3–R2.5): opened by the health monitor when a camera goes down, by the EPE's
 * Appendix II notification, or by an officer; due in 10 or 3 working days; followed up by the assigned officer every
 * working day; the head's supervision measure; closed when the monitor sees the cameras back, or by an officer with
 * a reason. Every step is audited; reads are scoped to the caller.
 */
@Service
public class Incidents {

    /** Cameras that the monitor saw fall within this span of each other are one outage. */
    private static final java.time.Duration SAME_OUTAGE = java.time.Duration.ofMinutes(15);

    private static final String COLUMNS = """
            id, enterprise_tax_code, kind, origin, planned, notice::text as notice, notified_at, deadline,
            assigned_officer, supervision_measure, measure_by, closed_at, close_reason, opened_by, notice_filed_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final WorkingDays workingDays;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CameraLogbook logbook;

    Incidents(JdbcClient jdbc, JsonMapper json, Enterprises enterprises, SiteDiagram diagram, WorkingDays workingDays,
              UserAccounts accounts, AuditTrail audit, ApplicationEventPublisher events, Clock clock, CameraLogbook logbook) {
        this.logbook = logbook;
        this.jdbc = jdbc;
        this.json = json;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.workingDays = workingDays;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The working calendar as announced now. */
    public io.epewatch.calendar.WorkingCalendar calendar() {
        return workingDays.calendar();
    }

    /** The deadlines as of now, on the calendar as announced now. */
    public IncidentTimeline timeline() {
        return new IncidentTimeline(workingDays.calendar(), clock);
    }

    /**
     * Files an Appendix II notification (R2.3, R2.4): the EPE's own users for their enterprise, customs staff for an
     * enterprise in their scope (then it is an officer's incident).
     */
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
        if (!Boolean.TRUE.equals(input.planned())) {
            Optional<Long> seen = monitorIncidentFor(enterprise.taxCode(), cameras);
            if (seen.isPresent()) {
                return completeWithNotice(caller, seen.get(), kind, notice, cameras, origin);
            }
        }
        long id = insert(enterprise.taxCode(), kind, origin, Boolean.TRUE.equals(input.planned()), notice, now,
                caller.name(), null);
        if (origin == Incident.Origin.NOTICE) {
            jdbc.sql("update incident set notice_filed_at = notified_at where id = ?").param(id).update();
        }
        for (String camera : cameras) {
            jdbc.sql("insert into incident_camera (incident_id, camera_number, down_since) values (?, ?, ?)")
                    .params(id, camera, Timestamp.from(now)).update();
        }
        if (Boolean.TRUE.equals(input.planned())) {
            // R1.6: planned work is written in each camera's logbook, so it reads as announced, not as a failure
            for (String camera : cameras) {
                logbook.add(caller, enterprise.taxCode(), new CameraLogbook.ManualEntry(camera, "PLANNED_WORK",
                        notice.description() + " (thông báo sự cố số " + id + ")", null));
            }
        }
        audit.record(caller.name(), AuditTrail.Actions.INCIDENT_NOTICE_FILED, enterprise.taxCode(), "incident:" + id,
                Map.of("change", "Appendix II notification filed", "kind", kind.name(), "cameras", cameras,
                        "planned", Boolean.TRUE.equals(input.planned())));
        events.publishEvent(new IncidentOpened(id, enterprise.taxCode(), kind, origin));
        return find(AccessScope.all(), id).orElseThrow();
    }

    /** An open incident the monitor opened for one of these cameras, still down. */
    private Optional<Long> monitorIncidentFor(String taxCode, List<String> cameras) {
        return jdbc.sql("""
                        select i.id from incident i join incident_camera c on c.incident_id = i.id
                        where i.enterprise_tax_code = :taxCode and i.origin = 'MONITOR' and i.closed_at is null
                            and c.back_at is null and c.camera_number in (:cameras)
                        order by i.id limit 1""")
                .param("taxCode", taxCode).param("cameras", cameras).query(Long.class).optional();
    }

    /**
     * The EPE's notice for an outage the monitor already opened completes that incident rather than opening a second
     * one: its Appendix II text replaces the monitor's, its cameras join, the stricter kind wins, and the deadline
     * still runs from when the outage was seen (R2.3, R2.4).
     */
    private Incident completeWithNotice(Caller caller, long id, IncidentKind kind, AppendixII notice, List<String> cameras,
                                        Incident.Origin origin) {
        Incident seen = find(AccessScope.all(), id).orElseThrow();
        IncidentKind stricter = seen.kind() == IncidentKind.CHANNEL ? IncidentKind.CHANNEL : kind;
        Instant now = clock.instant();
        jdbc.sql("update incident set notice = ?::jsonb, kind = ?, deadline = ?, notice_filed_at = coalesce(notice_filed_at, ?) where id = ?")
                .params(json.writeValueAsString(notice), stricter.name(), Date.valueOf(timeline().deadline(stricter, seen.notifiedAt())),
                        Timestamp.from(now), id).update();
        for (String camera : cameras) {
            jdbc.sql("insert into incident_camera (incident_id, camera_number, down_since) values (?, ?, ?) on conflict do nothing")
                    .params(id, camera, Timestamp.from(now)).update();
        }
        listCamerasInNotice(id);
        audit.record(caller.name(), AuditTrail.Actions.INCIDENT_NOTICE_FILED, seen.enterpriseTaxCode(), "incident:" + id,
                Map.of("change", "Appendix II notification filed for the monitor's incident", "kind", stricter.name(),
                        "cameras", cameras, "by", origin.name()));
        return find(AccessScope.all(), id).orElseThrow();
    }

    /**
     * The health monitor saw a camera go down (R2.3, R2.4): it joins the enterprise's open incident of that kind, or
     * opens one, notified now; a camera back online is marked so, and when all of an incident's cameras are back
     * the incident closes by itself.
     */
    @ApplicationModuleListener
    void on(CameraStateChanged change) {
        if (change.to() == CameraState.ONLINE) {
            restored(change);
            return;
        }
        if (change.outage() == null) {
            return;
        }
        // the cameras of one outage arrive here concurrently: one enterprise's changes are applied one at a time
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("incident:" + change.enterpriseTaxCode()).query(Object.class).single();
        IncidentKind kind = IncidentKind.valueOf(change.outage());
        Optional<Long> open = openOfKind(change.enterpriseTaxCode(), kind);
        if (kind == IncidentKind.CHANNEL) {
            open = joinChannelOutage(change, open);
        } else {
            // a camera of the channel outage whose change comes after the one that made it a channel outage
            Optional<Long> channel = sameChannelOutage(change);
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
            Long inserted = insert(e.taxCode(), kind, Incident.Origin.MONITOR, false, notice, change.since(), "monitor",
                    "camera:" + change.cameraId() + ":" + change.since());
            if (inserted == null) {
                return; // delivered before
            }
            id = inserted;
            events.publishEvent(new IncidentOpened(id, e.taxCode(), kind, Incident.Origin.MONITOR));
        }
        jdbc.sql("""
                        insert into incident_camera (incident_id, camera_number, down_since) values (?, ?, ?)
                        on conflict (incident_id, camera_number) do update set back_at = null""")
                .params(id, change.cameraNumber(), Timestamp.from(change.since())).update();
        listCamerasInNotice(id);
    }

    /**
     * What the monitor writes in the Appendix II form, in Vietnamese like the form itself (issue 15), with the
     * monitor's technical reason kept after it.
     */
    private static String monitorDescription(CameraStateChanged change) {
        String what = change.to() == CameraState.OFFLINE ? "mất tín hiệu" : "có hình ảnh không đạt yêu cầu";
        return "Hệ thống giám sát tự động ghi nhận ca-mê-ra " + change.cameraNumber() + " " + what + " từ "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                        .format(change.since()) + "." + (change.reason() == null ? "" : " Chi tiết kỹ thuật: " + change.reason());
    }

    private Optional<Long> openOfKind(String taxCode, IncidentKind kind) {
        return jdbc.sql("""
                        select id from incident where enterprise_tax_code = ? and kind = ? and closed_at is null
                        order by id limit 1""")
                .params(taxCode, kind.name()).query(Long.class).optional();
    }

    /**
     * R2.4: one outage of the channel is one CHANNEL incident listing all its cameras. The monitor records the cameras
     * of an outage one after another, and the first ones, seeing the others still up, opened an EQUIPMENT incident;
     * such an incident, opened by the monitor within {@link #SAME_OUTAGE} of this change and with every camera still
     * down, becomes (or joins) the channel incident.
     */
    private Optional<Long> joinChannelOutage(CameraStateChanged change, Optional<Long> channel) {
        List<Long> sameOutage = monitorIncidentsOfTheOutage(change, IncidentKind.EQUIPMENT);
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
            Instant notified = jdbc.sql("select notified_at from incident where id = ?").param(target).query(Timestamp.class).single().toInstant();
            jdbc.sql("update incident set kind = 'CHANNEL', deadline = ? where id = ?")
                    .params(Date.valueOf(timeline().deadline(IncidentKind.CHANNEL, notified)), target).update();
            audit.record("monitor", AuditTrail.Actions.INCIDENT_RECLASSIFIED, change.enterpriseTaxCode(), "incident:" + target,
                    Map.of("change", "reclassified as a channel outage: all the enterprise's cameras are down"));
        }
        for (long other : merged) {
            mergeInto(change.enterpriseTaxCode(), target, other, "the same channel outage");
        }
        return Optional.of(target);
    }

    /** An open CHANNEL incident of this outage (see {@link #monitorIncidentsOfTheOutage}). */
    private Optional<Long> sameChannelOutage(CameraStateChanged change) {
        return monitorIncidentsOfTheOutage(change, IncidentKind.CHANNEL).stream().findFirst();
    }

    /**
     * The open incidents of this kind the monitor opened within {@link #SAME_OUTAGE} of this change, either way round,
     * with every camera still down: the same outage as the change, oldest first.
     */
    private List<Long> monitorIncidentsOfTheOutage(CameraStateChanged change, IncidentKind kind) {
        return jdbc.sql("""
                        select i.id from incident i where i.enterprise_tax_code = ? and i.kind = ? and i.origin = 'MONITOR'
                            and i.closed_at is null and i.notified_at between ? and ?
                            and not exists (select 1 from incident_camera c where c.incident_id = i.id and c.back_at is not null)
                        order by i.id""")
                .params(change.enterpriseTaxCode(), kind.name(), Timestamp.from(change.since().minus(SAME_OUTAGE)),
                        Timestamp.from(change.since().plus(SAME_OUTAGE))).query(Long.class).list();
    }

    /** The monitor moves the cameras of {@code other} into {@code target} and closes {@code other} as merged. */
    private void mergeInto(String taxCode, long target, long other, String why) {
        jdbc.sql("""
                        insert into incident_camera (incident_id, camera_number, down_since, back_at)
                        select ?, camera_number, down_since, back_at from incident_camera where incident_id = ?
                        on conflict (incident_id, camera_number) do nothing""")
                .params(target, other).update();
        jdbc.sql("update incident set closed_at = ?, close_reason = ? where id = ? and closed_at is null")
                .params(Timestamp.from(clock.instant()), "Merged into incident " + target + " (" + why + ")", other).update();
        audit.record("monitor", AuditTrail.Actions.INCIDENT_RECLASSIFIED, taxCode, "incident:" + other,
                Map.of("change", "merged into incident " + target, "reason", why));
        listCamerasInNotice(target);
    }

    /** The Appendix II form names every camera of the incident, with their count (R2.3). */
    private void listCamerasInNotice(long id) {
        List<String> numbers = jdbc.sql("select camera_number from incident_camera where incident_id = ? order by camera_number")
                .param(id).query(String.class).list();
        AppendixII notice = json.readValue(jdbc.sql("select notice::text from incident where id = ?").param(id).query(String.class).single(),
                AppendixII.class);
        if (!notice.affectedCameras().equals(numbers)) {
            jdbc.sql("update incident set notice = ?::jsonb where id = ?").params(json.writeValueAsString(notice.withCameras(numbers)), id).update();
        }
    }

    private void restored(CameraStateChanged change) {
        List<Long> open = jdbc.sql("""
                        select i.id from incident i join incident_camera c on c.incident_id = i.id
                        where i.enterprise_tax_code = ? and i.closed_at is null and c.camera_number = ? and c.back_at is null""")
                .params(change.enterpriseTaxCode(), change.cameraNumber()).query(Long.class).list();
        for (long id : open) {
            jdbc.sql("update incident_camera set back_at = ? where incident_id = ? and camera_number = ?")
                    .params(Timestamp.from(change.since()), id, change.cameraNumber()).update();
            long stillDown = jdbc.sql("select count(*) from incident_camera where incident_id = ? and back_at is null")
                    .param(id).query(Long.class).single();
            if (stillDown == 0) {
                jdbc.sql("update incident set closed_at = ?, close_reason = ? where id = ? and closed_at is null")
                        .params(Timestamp.from(change.since()), "Cameras back online (confirmed by the health monitor)", id)
                        .update();
                audit.record("monitor", AuditTrail.Actions.INCIDENT_CLOSED, change.enterpriseTaxCode(),
                        "incident:" + id, Map.of("change", "incident closed: cameras back online"));
            }
        }
    }

    /** The EPE's late notice once the deadline has passed (R2.3, R2.4): the reason and the new expected date. */
    @Transactional
    public Incident fileLateNotice(Caller caller, long id, String reason, String newExpected) {
        Incident incident = find(caller.access(), id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
        InputCheck check = new InputCheck();
        if (incident.closedAt() != null) {
            check.reject("id", "incidentClosed", "the incident is closed");
        } else if (incident.overdueSince() == null) {
            check.reject("id", "deadlineNotPassed", "the deadline " + incident.deadline() + " has not passed", incident.deadline().toString());
        }
        check.requireText("reason", reason, 2_000);
        Instant expected = check.parse("newExpectedRestoration", newExpected, Timestamps::parse);
        if (expected != null && expected.isBefore(clock.instant())) {
            check.reject("newExpectedRestoration", "mustBeFuture", "must be in the future");
        }
        check.throwIfAny();
        jdbc.sql("insert into incident_late_notice (incident_id, reason, new_expected, by_user, at) values (?, ?, ?, ?, ?)")
                .params(id, reason.strip(), Timestamp.from(expected), caller.name(), Timestamp.from(clock.instant())).update();
        audit(caller, incident, AuditTrail.Actions.INCIDENT_LATE_NOTICE, Map.of("change", "late notice filed", "newExpected", expected.toString()));
        return find(caller.access(), id).orElseThrow();
    }

    /** Assigns the officer who follows the incident (R2.5); an officer may take it, a head names one of the unit. */
    @Transactional
    public Incident assign(Caller caller, long id, String username) {
        Incident incident = open(caller, id);
        String officer = username == null || username.isBlank() ? caller.name() : username.strip();
        if (!officer.equals(caller.name()) && !caller.roles().contains(Role.HEAD) && !caller.roles().contains(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException("only a head assigns someone else");
        }
        Optional<Account> account = accounts.find(officer);
        boolean fits = account.isPresent() && account.get().roles().stream().anyMatch(r -> r == Role.OFFICER || r == Role.HEAD)
                && enterprises.find(scopeOf(account.get()), incident.enterpriseTaxCode()).isPresent();
        if (!fits) {
            throw new InvalidInputException("officer", "notOfficerOfUnit", "is not an officer of the unit that manages the enterprise");
        }
        jdbc.sql("update incident set assigned_officer = ? where id = ?").params(officer, id).update();
        audit(caller, incident, AuditTrail.Actions.INCIDENT_ASSIGNED, Map.of("change", "officer assigned", "officer", officer));
        return find(caller.access(), id).orElseThrow();
    }

    /** The assigned officer's update of the day (R2.5); a second one the same day replaces the first. */
    @Transactional
    public Incident followUp(Caller caller, long id, String text) {
        Incident incident = open(caller, id);
        InputCheck check = new InputCheck();
        if (!caller.name().equals(incident.assignedOfficer()) && !caller.roles().contains(Role.HEAD)) {
            check.reject("id", "followUpByAssignee", "only the assigned officer or a head records follow-ups");
        }
        check.requireText("text", text, 2_000);
        check.throwIfAny();
        LocalDate today = timeline().today();
        jdbc.sql("""
                        insert into incident_follow_up (incident_id, day, text, by_user, at) values (?, ?, ?, ?, ?)
                        on conflict (incident_id, day) do update set text = excluded.text, by_user = excluded.by_user,
                            at = excluded.at""")
                .params(id, Date.valueOf(today), text.strip(), caller.name(), Timestamp.from(clock.instant())).update();
        audit(caller, incident, AuditTrail.Actions.INCIDENT_FOLLOW_UP, Map.of("change", "follow-up recorded", "day", today.toString()));
        return find(caller.access(), id).orElseThrow();
    }

    /** The head's supervision measure for the EPE while the outage lasts (R2.5). */
    @Transactional
    public Incident recordMeasure(Caller caller, long id, String measure) {
        if (!caller.roles().contains(Role.HEAD)) {
            throw new AccessDeniedException("the head decides the supervision measure");
        }
        Incident incident = open(caller, id);
        InputCheck check = new InputCheck();
        check.requireText("measure", measure, 2_000);
        check.throwIfAny();
        jdbc.sql("update incident set supervision_measure = ?, measure_by = ? where id = ?")
                .params(measure.strip(), caller.name(), id).update();
        audit(caller, incident, AuditTrail.Actions.INCIDENT_MEASURE, Map.of("change", "supervision measure decided", "measure", measure.strip()));
        return find(caller.access(), id).orElseThrow();
    }

    /** Closes an incident by hand, with the reason (the monitor closes the ones it can confirm). */
    @Transactional
    public Incident close(Caller caller, long id, String reason) {
        if (!caller.roles().contains(Role.OFFICER) && !caller.roles().contains(Role.HEAD)) {
            throw new AccessDeniedException("customs officers close incidents; the monitor closes those it sees restored");
        }
        Incident incident = open(caller, id);
        InputCheck check = new InputCheck();
        check.requireText("reason", reason, 1_000);
        check.throwIfAny();
        jdbc.sql("update incident set closed_at = ?, close_reason = ? where id = ? and closed_at is null")
                .params(Timestamp.from(clock.instant()), reason.strip(), id).update();
        audit(caller, incident, AuditTrail.Actions.INCIDENT_CLOSED, Map.of("change", "incident closed", "reason", reason.strip()));
        return find(caller.access(), id).orElseThrow();
    }

    public Optional<Incident> find(AccessScope scope, long id) {
        return jdbc.sql("select " + COLUMNS + " from incident where id = ?").param(id).query(this::row).optional()
                .filter(r -> enterprises.visibleTaxCodes(scope).contains(r.taxCode()))
                .map(this::complete);
    }

    /** Newest first; only the open (and overdue) ones when asked. */
    public List<Incident> list(AccessScope scope, String taxCode, boolean openOnly, int limit) {
        Set<String> visible = enterprises.visibleTaxCodes(scope, taxCode);
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from incident where enterprise_tax_code in (:codes)"
                        + " and (not :open or closed_at is null) order by notified_at desc, id desc limit :limit")
                .param("codes", visible).param("open", openOnly).param("limit", Math.min(Math.max(limit, 1), 500))
                .query(this::row).list().stream().map(this::complete).toList();
    }

    private Incident open(Caller caller, long id) {
        Incident incident = find(caller.access(), id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
        if (incident.closedAt() != null) {
            throw new InvalidInputException("id", "incidentClosed", "the incident is closed");
        }
        return incident;
    }

    private Long insert(String taxCode, IncidentKind kind, Incident.Origin origin, boolean planned, AppendixII notice,
                        Instant notifiedAt, String by, String sourceKey) {
        LocalDate deadline = timeline().deadline(kind, notifiedAt);
        return jdbc.sql("""
                        insert into incident (enterprise_tax_code, kind, origin, planned, notice, notified_at, deadline,
                            opened_by, source_key)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (source_key) do nothing returning id""")
                .params(taxCode, kind.name(), origin.name(), planned, json.writeValueAsString(notice),
                        Timestamp.from(notifiedAt), Date.valueOf(deadline), by, sourceKey)
                .query(Long.class).optional().orElse(null);
    }

    /** A stored row before its cameras, follow-ups and notices are read. */
    private record Row(long id, String taxCode, IncidentKind kind, Incident.Origin origin, boolean planned,
                       AppendixII notice, Instant notifiedAt, LocalDate deadline, String officer, String measure,
                       String measureBy, Instant closedAt, String closeReason, String openedBy, Instant noticeFiledAt) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Row(rs.getLong("id"), rs.getString("enterprise_tax_code"), IncidentKind.valueOf(rs.getString("kind")),
                Incident.Origin.valueOf(rs.getString("origin")), rs.getBoolean("planned"),
                json.readValue(rs.getString("notice"), AppendixII.class), rs.getTimestamp("notified_at").toInstant(),
                rs.getDate("deadline").toLocalDate(), rs.getString("assigned_officer"), rs.getString("supervision_measure"),
                rs.getString("measure_by"), closed == null ? null : closed.toInstant(), rs.getString("close_reason"),
                rs.getString("opened_by"), instant(rs.getTimestamp("notice_filed_at")));
    }

    private Incident complete(Row r) {
        List<Incident.AffectedCamera> cameras = jdbc.sql(
                        "select camera_number, down_since, back_at from incident_camera where incident_id = ? order by camera_number")
                .param(r.id()).query((rs, n) -> new Incident.AffectedCamera(rs.getString("camera_number"),
                        rs.getTimestamp("down_since").toInstant(), instant(rs.getTimestamp("back_at")))).list();
        List<Incident.FollowUp> followUps = jdbc.sql(
                        "select day, text, by_user, at from incident_follow_up where incident_id = ? order by day")
                .param(r.id()).query((rs, n) -> new Incident.FollowUp(rs.getDate("day").toLocalDate(), rs.getString("text"),
                        rs.getString("by_user"), rs.getTimestamp("at").toInstant())).list();
        List<Incident.LateNotice> notices = jdbc.sql(
                        "select reason, new_expected, by_user, at from incident_late_notice where incident_id = ? order by at")
                .param(r.id()).query((rs, n) -> new Incident.LateNotice(rs.getString("reason"),
                        rs.getTimestamp("new_expected").toInstant(), rs.getString("by_user"), rs.getTimestamp("at").toInstant()))
                .list();
        IncidentTimeline timeline = timeline();
        LocalDate overdueSince = timeline.overdueSince(r.deadline(), r.closedAt());
        Incident.Status status = r.closedAt() != null ? Incident.Status.CLOSED
                : overdueSince != null ? Incident.Status.OVERDUE : Incident.Status.OPEN;
        Instant lastNotice = notices.isEmpty() ? null : notices.getLast().at();
        return new Incident(r.id(), r.taxCode(), r.kind(), r.origin(), r.planned(), r.notice(), r.notifiedAt(),
                r.deadline(), r.officer(), r.measure(), r.measureBy(), r.closedAt(), r.closeReason(), r.openedBy(),
                cameras, followUps, notices, overdueSince,
                timeline.lateNoticeDue(r.deadline(), r.closedAt(), lastNotice),
                r.officer() == null ? List.of() : timeline.missingFollowUps(r.notifiedAt(), r.closedAt(),
                        followUps.stream().map(Incident.FollowUp::day).toList()), status, r.noticeFiledAt());
    }

    private void audit(Caller caller, Incident incident, String action, Map<String, Object> details) {
        audit.record(caller.name(), action, incident.enterpriseTaxCode(),
                "incident:" + incident.id(), details);
    }

    private static AccessScope scopeOf(Account account) {
        return account.unitId() == null ? AccessScope.all() : AccessScope.units(Set.of(account.unitId()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
