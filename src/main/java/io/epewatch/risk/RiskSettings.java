package io.epewatch.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.registry.Enterprise;
import io.epewatch.registry.Enterprises;
import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.Thresholds;
import io.epewatch.risk.live.LiveAnalysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What HQ analysts tune (R4.5, R5.8): the watch list, and the rules' thresholds per sub-department, narrowed per
 * enterprise. Each change is audited and given to the engine as a fact, so a replay knows it too.
 */
@Service
public class RiskSettings {

    /** A watch-list entry. */
    public record WatchEntry(String value, boolean container, String reason, String addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Enterprises enterprises;
    private final LiveAnalysis analysis;
    private final RiskProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final Units units;

    RiskSettings(JdbcClient jdbc, JsonMapper json, Enterprises enterprises, LiveAnalysis analysis,
                 RiskProperties properties, AuditTrail audit, Clock clock, Units units) {
        this.units = units;
        this.jdbc = jdbc;
        this.json = json;
        this.enterprises = enterprises;
        this.analysis = analysis;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public List<WatchEntry> watchlist() {
        return jdbc.sql("select value, container, reason, added_by, added_at from watchlist_entry order by added_at desc")
                .query((rs, n) -> new WatchEntry(rs.getString("value"), rs.getBoolean("container"), rs.getString("reason"),
                        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** Puts a plate or container on the watch list; the same again with another reason updates the reason. */
    @Transactional
    public WatchEntry watch(Caller caller, String kind, String value, String reason) {
        InputCheck check = new InputCheck();
        boolean container = "CONTAINER".equalsIgnoreCase(kind == null ? "" : kind.strip());
        if (!container && !"PLATE".equalsIgnoreCase(kind == null ? "" : kind.strip())) {
            check.reject("kind", "watchKind", "must be PLATE or CONTAINER");
        }
        String normal = check.parse("value", value,
                raw -> container ? ContainerNumber.parse(raw).value() : PlateNumber.parse(raw).value());
        check.requireText("reason", reason, 500);
        check.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into watchlist_entry (value, container, reason, added_by, added_at) values (?, ?, ?, ?, ?)
                        on conflict (value) do update set reason = excluded.reason, added_by = excluded.added_by,
                            added_at = excluded.added_at""")
                .params(normal, container, reason.strip(), caller.name(), Timestamp.from(now)).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "watchlist:" + normal,
                Map.of("change", "watch-listed", "reason", reason.strip()));
        analysis.accept("watch:" + normal + ":" + now, new Fact.Watch(normal, container, true, reason.strip(), now));
        return new WatchEntry(normal, container, reason.strip(), caller.name(), now);
    }

    @Transactional
    public void unwatch(Caller caller, String value) {
        Optional<WatchEntry> entry = watchlist().stream()
                .filter(w -> w.value().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
        if (entry.isEmpty()) {
            throw new NotFoundException("watch-list entry", value);
        }
        jdbc.sql("delete from watchlist_entry where value = ?").param(entry.get().value()).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "watchlist:" + entry.get().value(),
                Map.of("change", "removed from the watch list"));
        Instant now = clock.instant();
        analysis.accept("unwatch:" + entry.get().value() + ":" + now, new Fact.Watch(entry.get().value(),
                entry.get().container(), false, entry.get().reason(), now));
    }

    /** The thresholds set at a scope ({@code unit:ID} or {@code enterprise:TAXCODE}), by name; empty when none. */
    public Map<String, String> overrides(String scope) {
        return jdbc.sql("select thresholds::text from risk_setting where scope = ?").param(scope).query(String.class)
                .optional().map(text -> json.readValue(text, new TypeReference<Map<String, String>>() { }))
                .orElse(Map.of());
    }

    /**
     * The thresholds at a scope ({@code unit:ID} or {@code enterprise:TAXCODE}), by name: what it inherits (the
     * defaults for a sub-department, its sub-department's for an enterprise), what it overrides, what results.
     */
    public record ThresholdView(String scope, Map<String, String> inherited, Map<String, String> own,
                                Map<String, String> effective) {
    }

    public ThresholdView view(String scope) {
        Thresholds inherited = properties.defaults();
        Enterprise enterprise = target(scope);
        if (enterprise != null) {
            inherited = inherited.with(overrides("unit:" + enterprise.managingUnitId()));
        }
        Map<String, String> own = overrides(scope);
        return new ThresholdView(scope, inherited.asMap(), own, inherited.with(own).asMap());
    }

    /** The thresholds in force for an enterprise: defaults, then its sub-department's, then its own. */
    public Thresholds effective(String taxCode) {
        Enterprise enterprise = enterprises.findForSystem(taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        return properties.defaults().with(overrides("unit:" + enterprise.managingUnitId()))
                .with(overrides("enterprise:" + taxCode));
    }

    /**
     * Sets thresholds for a sub-department ({@code unit:ID}) or an enterprise ({@code enterprise:TAXCODE}); the
     * enterprises concerned get them at once.
     *
     * @throws InvalidInputException naming a threshold that does not exist or cannot be read
     */
    @Transactional
    public Map<String, String> setOverrides(Caller caller, String scope, Map<String, String> thresholds) {
        List<Enterprise> concerned = concerned(scope);
        try {
            properties.defaults().with(thresholds);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new InvalidInputException(colon > 0 ? message.substring(0, colon) : "thresholds",
                    colon > 0 ? message.substring(colon + 1).strip() : message);
        }
        Map<String, String> stored = new LinkedHashMap<>(thresholds);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into risk_setting (scope, thresholds, updated_by, updated_at) values (?, ?::jsonb, ?, ?)
                        on conflict (scope) do update set thresholds = excluded.thresholds,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(scope, json.writeValueAsString(stored), caller.name(), Timestamp.from(now)).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED,
                scope.startsWith("enterprise:") ? scope.substring("enterprise:".length()) : null, "thresholds:" + scope,
                Map.of("change", "risk thresholds set", "thresholds", stored));
        for (Enterprise e : concerned) {
            refresh(e.taxCode(), now);
        }
        return stored;
    }

    /**
     * Gives the engine the thresholds now in force for one enterprise: one registered, or moved to another
     * sub-department, after the thresholds were set.
     */
    public void refresh(String taxCode, Instant at) {
        analysis.accept("settings:" + taxCode + ":" + at, new Fact.Settings(taxCode, effective(taxCode), at));
    }

    private List<Enterprise> concerned(String scope) {
        Enterprise enterprise = target(scope);
        if (enterprise != null) {
            return List.of(enterprise);
        }
        long unit = Long.parseLong(scope.substring("unit:".length()));
        return enterprises.list(AccessScope.all()).stream().filter(e -> e.managingUnitId() == unit).toList();
    }

    /** The enterprise a scope names, or null when it names an existing sub-department. */
    private Enterprise target(String scope) {
        if (scope == null) {
            throw new InvalidInputException("scope", "choose a sub-department or an enterprise");
        }
        if (scope.startsWith("enterprise:")) {
            String taxCode = scope.substring("enterprise:".length());
            return enterprises.findForSystem(taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        }
        if (scope.startsWith("unit:")) {
            String id = scope.substring("unit:".length());
            long unit;
            try {
                unit = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("unitId", "must be a number");
            }
            units.find(unit).filter(u -> u.kind() == UnitKind.SUB_DEPARTMENT)
                    .orElseThrow(() -> new NotFoundException("sub-department", id));
            return null;
        }
        throw new InvalidInputException("scope", "must be unit:ID or enterprise:TAXCODE");
    }
}
