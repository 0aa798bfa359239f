package io.epewatch.incident;

import static io.epewatch.kernel.StoredTime.instant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident tables — incidents, their cameras, follow-ups and late notices — and nothing else: no rules, no scope,
 * no audit.
 */
@Component
class IncidentRows {

    private static final String COLUMNS = """
            id, enterprise_tax_code, kind, origin, planned, notice::text as notice, notified_at, deadline,
            assigned_officer, supervision_measure, measure_by, closed_at, close_reason, opened_by, notice_filed_at""";

    /** A stored incident before its cameras, follow-ups and notices are read. */
    record Row(long id, String taxCode, IncidentKind kind, Incident.Origin origin, boolean planned,
               AppendixII notice, Instant notifiedAt, LocalDate deadline, String officer, String measure,
               String measureBy, Instant closedAt, String closeReason, String openedBy, Instant noticeFiledAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IncidentRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from incident where id = ?").param(id).query(this::row).optional();
    }

    /** Newest first; only the open (and overdue) ones when asked. */
    List<Row> list(Set<String> taxCodes, boolean openOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from incident where enterprise_tax_code in (:codes)"
                        + " and (not :open or closed_at is null) order by notified_at desc, id desc limit :limit")
                .param("codes", taxCodes).param("open", openOnly).param("limit", limit).query(this::row).list();
    }

    /** @return the new incident's id, or null when its source key was recorded before */
    Long insert(String taxCode, IncidentKind kind, Incident.Origin origin, boolean planned, AppendixII notice,
                Instant notifiedAt, LocalDate deadline, String by, String sourceKey) {
        return jdbc.sql("""
                        insert into incident (enterprise_tax_code, kind, origin, planned, notice, notified_at, deadline,
                            opened_by, source_key)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (source_key) do nothing returning id""")
                .params(taxCode, kind.name(), origin.name(), planned, json.writeValueAsString(notice),
                        Timestamp.from(notifiedAt), Date.valueOf(deadline), by, sourceKey)
                .query(Long.class).optional().orElse(null);
    }

    /** The EPE's own notification: filed when it was notified. */
    void noticeFiledWhenNotified(long id) {
        jdbc.sql("update incident set notice_filed_at = notified_at where id = ?").param(id).update();
    }

    /** The EPE's notice completes an incident the monitor opened: its text, the kind that wins and its deadline. */
    void completeNotice(long id, AppendixII notice, IncidentKind kind, LocalDate deadline, Instant filedAt) {
        jdbc.sql("update incident set notice = ?::jsonb, kind = ?, deadline = ?, notice_filed_at = coalesce(notice_filed_at, ?) where id = ?")
                .params(json.writeValueAsString(notice), kind.name(), Date.valueOf(deadline), Timestamp.from(filedAt), id)
                .update();
    }

    void reclassify(long id, IncidentKind kind, LocalDate deadline) {
        jdbc.sql("update incident set kind = ?, deadline = ? where id = ?").params(kind.name(), Date.valueOf(deadline), id).update();
    }

    /** @return whether it was still open */
    boolean close(long id, Instant at, String reason) {
        return jdbc.sql("update incident set closed_at = ?, close_reason = ? where id = ? and closed_at is null")
                .params(Timestamp.from(at), reason, id).update() > 0;
    }

    void assign(long id, String officer) {
        jdbc.sql("update incident set assigned_officer = ? where id = ?").params(officer, id).update();
    }

    void measure(long id, String measure, String by) {
        jdbc.sql("update incident set supervision_measure = ?, measure_by = ? where id = ?").params(measure, by, id).update();
    }

    /** A second follow-up the same day replaces the first. */
    void followUp(long id, LocalDate day, String text, String by, Instant at) {
        jdbc.sql("""
                        insert into incident_follow_up (incident_id, day, text, by_user, at) values (?, ?, ?, ?, ?)
                        on conflict (incident_id, day) do update set text = excluded.text, by_user = excluded.by_user,
                            at = excluded.at""")
                .params(id, Date.valueOf(day), text, by, Timestamp.from(at)).update();
    }

    void lateNotice(long id, String reason, Instant newExpected, String by, Instant at) {
        jdbc.sql("insert into incident_late_notice (incident_id, reason, new_expected, by_user, at) values (?, ?, ?, ?, ?)")
                .params(id, reason, Timestamp.from(newExpected), by, Timestamp.from(at)).update();
    }

    /** A camera of the incident, down since then; one listed already stays as it is. */
    void addCamera(long id, String number, Instant downSince) {
        jdbc.sql("insert into incident_camera (incident_id, camera_number, down_since) values (?, ?, ?) on conflict do nothing")
                .params(id, number, Timestamp.from(downSince)).update();
    }

    /** A camera of the incident is down (again): listed, and no longer back. */
    void cameraDown(long id, String number, Instant since) {
        jdbc.sql("""
                        insert into incident_camera (incident_id, camera_number, down_since) values (?, ?, ?)
                        on conflict (incident_id, camera_number) do update set back_at = null""")
                .params(id, number, Timestamp.from(since)).update();
    }

    /** @return how many of the incident's cameras are still down */
    long cameraBack(long id, String number, Instant at) {
        jdbc.sql("update incident_camera set back_at = ? where incident_id = ? and camera_number = ?")
                .params(Timestamp.from(at), id, number).update();
        return jdbc.sql("select count(*) from incident_camera where incident_id = ? and back_at is null")
                .param(id).query(Long.class).single();
    }

    /** The cameras of {@code other} join {@code target}. */
    void moveCameras(long other, long target) {
        jdbc.sql("""
                        insert into incident_camera (incident_id, camera_number, down_since, back_at)
                        select ?, camera_number, down_since, back_at from incident_camera where incident_id = ?
                        on conflict (incident_id, camera_number) do nothing""")
                .params(target, other).update();
    }

    /** The Appendix II form names every camera of the incident, with their count (R2.3). */
    void listCamerasInNotice(long id) {
        List<String> numbers = jdbc.sql("select camera_number from incident_camera where incident_id = ? order by camera_number")
                .param(id).query(String.class).list();
        AppendixII notice = json.readValue(jdbc.sql("select notice::text from incident where id = ?").param(id).query(String.class).single(),
                AppendixII.class);
        if (!notice.affectedCameras().equals(numbers)) {
            jdbc.sql("update incident set notice = ?::jsonb where id = ?").params(json.writeValueAsString(notice.withCameras(numbers)), id).update();
        }
    }

    /** One enterprise's incidents are changed one transaction at a time (the cameras of one outage arrive together). */
    void lockEnterprise(String taxCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("incident:" + taxCode).query(Object.class).single();
    }

    /** An open incident the monitor opened for one of these cameras, still down. */
    Optional<Long> openMonitorIncidentFor(String taxCode, List<String> cameras) {
        return jdbc.sql("""
                        select i.id from incident i join incident_camera c on c.incident_id = i.id
                        where i.enterprise_tax_code = :taxCode and i.origin = 'MONITOR' and i.closed_at is null
                            and c.back_at is null and c.camera_number in (:cameras)
                        order by i.id limit 1""")
                .param("taxCode", taxCode).param("cameras", cameras).query(Long.class).optional();
    }

    Optional<Long> openOfKind(String taxCode, IncidentKind kind) {
        return jdbc.sql("""
                        select id from incident where enterprise_tax_code = ? and kind = ? and closed_at is null
                        order by id limit 1""")
                .params(taxCode, kind.name()).query(Long.class).optional();
    }

    /** The open incidents of this kind the monitor opened between two instants with every camera still down. */
    List<Long> openMonitorIncidentsAllDown(String taxCode, IncidentKind kind, Instant from, Instant to) {
        return jdbc.sql("""
                        select i.id from incident i where i.enterprise_tax_code = ? and i.kind = ? and i.origin = 'MONITOR'
                            and i.closed_at is null and i.notified_at between ? and ?
                            and not exists (select 1 from incident_camera c where c.incident_id = i.id and c.back_at is not null)
                        order by i.id""")
                .params(taxCode, kind.name(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).list();
    }

    /** The open incidents in which this camera is still down. */
    List<Long> openWithCameraDown(String taxCode, String cameraNumber) {
        return jdbc.sql("""
                        select i.id from incident i join incident_camera c on c.incident_id = i.id
                        where i.enterprise_tax_code = ? and i.closed_at is null and c.camera_number = ? and c.back_at is null""")
                .params(taxCode, cameraNumber).query(Long.class).list();
    }

    List<Incident.AffectedCamera> cameras(long id) {
        return jdbc.sql("select camera_number, down_since, back_at from incident_camera where incident_id = ? order by camera_number")
                .param(id).query((rs, n) -> new Incident.AffectedCamera(rs.getString("camera_number"),
                        rs.getTimestamp("down_since").toInstant(), instant(rs.getTimestamp("back_at")))).list();
    }

    List<Incident.FollowUp> followUps(long id) {
        return jdbc.sql("select day, text, by_user, at from incident_follow_up where incident_id = ? order by day")
                .param(id).query((rs, n) -> new Incident.FollowUp(rs.getDate("day").toLocalDate(), rs.getString("text"),
                        rs.getString("by_user"), rs.getTimestamp("at").toInstant())).list();
    }

    List<Incident.LateNotice> lateNotices(long id) {
        return jdbc.sql("select reason, new_expected, by_user, at from incident_late_notice where incident_id = ? order by at")
                .param(id).query((rs, n) -> new Incident.LateNotice(rs.getString("reason"),
                        rs.getTimestamp("new_expected").toInstant(), rs.getString("by_user"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("enterprise_tax_code"), IncidentKind.valueOf(rs.getString("kind")),
                Incident.Origin.valueOf(rs.getString("origin")), rs.getBoolean("planned"),
                json.readValue(rs.getString("notice"), AppendixII.class), rs.getTimestamp("notified_at").toInstant(),
                rs.getDate("deadline").toLocalDate(), rs.getString("assigned_officer"), rs.getString("supervision_measure"),
                rs.getString("measure_by"), instant(rs.getTimestamp("closed_at")), rs.getString("close_reason"),
                rs.getString("opened_by"), instant(rs.getTimestamp("notice_filed_at")));
    }
}
