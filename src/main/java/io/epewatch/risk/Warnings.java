package io.epewatch.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads warnings, always within the caller's scope. Warnings are customs' risk targeting: an enterprise-side scope (an
 * EPE's own staff, a declarant, a token of an enterprise) sees none of them, not even its own enterprise's (issue 15),
 * or the supervised party would learn what customs looks for.
 */
@Service
public class Warnings {

    private static final String COLUMNS = """
            id, rule, enterprise_tax_code, gate_event_id, occurred_at, summary, evidence::text as evidence, status,
            status_reason, raised_at, status_changed_at, key, severity, score, explanation_vi, occurrences, last_occurred_at""";
    private static final int MAX_LIST = 500;

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final JsonMapper json;
    private final io.epewatch.identity.AuditTrail audit;
    private final java.time.Clock clock;

    Warnings(JdbcClient jdbc, Enterprises enterprises, JsonMapper json, io.epewatch.identity.AuditTrail audit,
             java.time.Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first; {@code taxCode} and {@code status} narrow the list when given. */
    public List<Warning> list(AccessScope scope, String taxCode, WarningStatus status, int limit) {
        return list(scope, WarningQuery.of(taxCode, status), limit);
    }

    /** Newest first, narrowed by the query, never beyond the caller's scope. */
    public List<Warning> list(AccessScope scope, WarningQuery query, int limit) {
        Set<String> visible = visibleTaxCodes(scope);
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " " + """
                         from warning w where enterprise_tax_code in (:visible)
                         and (:taxCode = '' or enterprise_tax_code = :taxCode) and (:status = '' or status = :status)
                         and (:rule = '' or rule = :rule) and severity in (:severities)
                         and (not :unseen or not exists (select 1 from warning_acknowledgement a where a.warning_id = w.id))
                         order by raised_at desc, id desc limit :limit""")
                .param("visible", visible)
                .param("taxCode", query.enterpriseTaxCode() == null ? "" : query.enterpriseTaxCode())
                .param("status", query.status() == null ? "" : query.status().name())
                .param("rule", query.rule() == null ? "" : query.rule())
                .param("severities", query.severities())
                .param("unseen", query.unseenOnly())
                .param("limit", Math.min(Math.max(limit, 1), MAX_LIST))
                .query(this::toWarning).list();
    }

    public Optional<Warning> find(AccessScope scope, long id) {
        return jdbc.sql("select " + COLUMNS + " from warning where id = ?").param(id).query(this::toWarning).optional()
                .filter(w -> visibleTaxCodes(scope).contains(w.enterpriseTaxCode()));
    }

    /** For system processing (the cases built on them, already scoped): these warnings by id, whoever asks. */
    public Map<Long, Warning> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Warning> found = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from warning where id in (:ids)").param("ids", ids).query(this::toWarning)
                .list().forEach(w -> found.put(w.id(), w));
        return found;
    }

    public long countOpen(AccessScope scope) {
        Set<String> visible = visibleTaxCodes(scope);
        if (visible.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from warning where status = 'OPEN' and enterprise_tax_code in (:visible)")
                .param("visible", visible).query(Long.class).single();
    }

    /**
     * Marks warnings as seen by the caller (the inbox's bulk action); those outside the caller's scope are skipped.
     * Audited.
     *
     * @return how many were marked
     */
    @org.springframework.transaction.annotation.Transactional
    public int acknowledge(io.epewatch.identity.Caller caller, java.util.Collection<Long> ids) {
        Set<String> visible = visibleTaxCodes(caller.access());
        if (visible.isEmpty() || ids.isEmpty()) {
            return 0;
        }
        List<Long> mine = jdbc.sql("select id from warning where id in (:ids) and enterprise_tax_code in (:visible)")
                .param("ids", ids).param("visible", visible).query(Long.class).list();
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        for (long id : mine) {
            jdbc.sql("insert into warning_acknowledgement (warning_id, by_user, at) values (?, ?, ?) on conflict do nothing")
                    .params(id, caller.name(), now).update();
        }
        audit.record(caller.name(), io.epewatch.identity.AuditTrail.Actions.WARNINGS_ACKNOWLEDGED, null, "warnings",
                Map.of("change", "acknowledged", "warnings", mine));
        return mine.size();
    }

    /** Which of these warnings someone has marked as seen. */
    public Set<Long> acknowledged(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select warning_id from warning_acknowledgement where warning_id in (:ids)")
                .param("ids", ids).query(Long.class).list());
    }

    Warning toWarning(ResultSet rs, int row) throws SQLException {
        long gateEvent = rs.getLong("gate_event_id");
        boolean noGateEvent = rs.wasNull();
        Timestamp changed = rs.getTimestamp("status_changed_at");
        return new Warning(rs.getLong("id"), rs.getString("rule"), rs.getString("enterprise_tax_code"),
                noGateEvent ? null : gateEvent, rs.getTimestamp("occurred_at").toInstant(), rs.getString("summary"),
                json.readValue(rs.getString("evidence"), new TypeReference<Map<String, Object>>() { }),
                WarningStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getTimestamp("raised_at").toInstant(), changed.toInstant(), rs.getString("key"),
                Severity.valueOf(rs.getString("severity")), rs.getInt("score"), rs.getString("explanation_vi"),
                rs.getInt("occurrences"), rs.getTimestamp("last_occurred_at").toInstant());
    }

    /** The enterprises whose warnings this scope may read: none for an enterprise-side scope. */
    private Set<String> visibleTaxCodes(AccessScope scope) {
        return scope.enterpriseTaxCode() != null ? Set.of() : enterprises.visibleTaxCodes(scope);
    }
}
