package io.epewatch.clearance;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.epewatch.clearance.selectivity.Criterion;
import io.epewatch.clearance.selectivity.LaneRules;
import io.epewatch.clearance.selectivity.Subject;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.SharedState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The selectivity criteria and random shares HQ analysts edit (R5.5, R5.8), each change audited, and the preview of
 * a change on the declarations registered lately: how the lanes would have fallen, with the same random draws.
 */
@Service
public class Selectivity {

    /** A criterion as edited. */
    public record CriterionInput(String kind, String parameter, String lane, String note, Boolean enabled) {
    }

    /** The lane mix of the recent registrations as they fell, and as they would fall under the proposal. */
    public record Preview(int declarations, Map<Lane, Integer> actual, Map<Lane, Integer> proposed, int changed) {
    }

    private static final int PREVIEW_OVER = 5_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final EnterpriseSignals signals;
    private volatile LaneRules rules;
    /** The lane rules, as other instances keep them too (issue 22). */
    private static final String SHARED = "lane-rules";
    private final SharedState shared;

    Selectivity(JdbcClient jdbc, AuditTrail audit, JsonMapper json, EnterpriseSignals signals, SharedState shared) {
        this.shared = shared;
        shared.onChange(SHARED, () -> rules = null);
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.signals = signals;
    }

    public List<Criterion> criteria() {
        return jdbc.sql("select id, kind, parameter, lane, note, enabled from selectivity_criterion order by id")
                .query((rs, n) -> new Criterion(rs.getLong("id"), Criterion.Kind.valueOf(rs.getString("kind")),
                        rs.getString("parameter"), Lane.valueOf(rs.getString("lane")), rs.getString("note"),
                        rs.getBoolean("enabled")))
                .list();
    }

    /** The least random share of YELLOW and RED. */
    public Map<Lane, BigDecimal> shares() {
        Map<Lane, BigDecimal> shares = new EnumMap<>(Lane.class);
        jdbc.sql("select lane, share from selectivity_share").query().listOfRows()
                .forEach(row -> shares.put(Lane.valueOf((String) row.get("lane")), (BigDecimal) row.get("share")));
        return shares;
    }

    /** The rules registrations use now. */
    LaneRules rules() {
        LaneRules current = rules;
        if (current == null) {
            current = rulesWith(criteria());
            rules = current;
        }
        return current;
    }

    /** These criteria with the random shares in force. */
    private LaneRules rulesWith(List<Criterion> criteria) {
        Map<Lane, BigDecimal> shares = shares();
        return new LaneRules(criteria, shares.get(Lane.YELLOW).doubleValue(), shares.get(Lane.RED).doubleValue());
    }

    @Transactional
    public Criterion save(Caller caller, Long id, CriterionInput input) {
        Criterion checked = checked(id == null ? 0 : id, input);
        Long saved = id == null
                ? jdbc.sql("insert into selectivity_criterion (kind, parameter, lane, note, enabled, updated_by, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, now()) returning id")
                .params(checked.kind().name(), checked.parameter(), checked.lane().name(), checked.note(), checked.enabled(),
                        caller.name()).query(Long.class).single()
                : jdbc.sql("update selectivity_criterion set kind = ?, parameter = ?, lane = ?, note = ?, enabled = ?, "
                        + "updated_by = ?, updated_at = now() where id = ? returning id")
                .params(checked.kind().name(), checked.parameter(), checked.lane().name(), checked.note(), checked.enabled(),
                        caller.name(), id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("criterion", String.valueOf(id)));
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "selectivity-criterion:" + saved,
                Map.of("kind", checked.kind().name(), "parameter", checked.parameter(), "lane", checked.lane().name(),
                        "enabled", checked.enabled()));
        changed();
        return new Criterion(saved, checked.kind(), checked.parameter(), checked.lane(), checked.note(), checked.enabled());
    }

    @Transactional
    public void setShares(Caller caller, String yellow, String red) {
        InputCheck check = new InputCheck();
        BigDecimal y = check.parse("yellowShare", yellow, Selectivity::share);
        BigDecimal r = check.parse("redShare", red, Selectivity::share);
        if (y != null && r != null && y.add(r).compareTo(BigDecimal.ONE) > 0) {
            check.reject("yellowShare", "with the red share is more than 1");
        }
        check.throwIfAny();
        jdbc.sql("update selectivity_share set share = ?, updated_by = ?, updated_at = now() where lane = 'YELLOW'").params(y, caller.name()).update();
        jdbc.sql("update selectivity_share set share = ?, updated_by = ?, updated_at = now() where lane = 'RED'").params(r, caller.name()).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "selectivity-shares",
                Map.of("yellow", y.toPlainString(), "red", r.toPlainString()));
        changed();
    }

    /**
     * How the last registrations would have fallen with {@code proposal} in place of the criterion {@code id} (or
     * added, when null), with each one's own random draw: what an analyst sees before saving.
     */
    public Preview preview(Long id, CriterionInput proposal) {
        Criterion checked = checked(id == null ? -1 : id, proposal);
        List<Criterion> proposed = new java.util.ArrayList<>(criteria().stream().filter(c -> id == null || c.id() != id).toList());
        proposed.add(checked);
        LaneRules next = rulesWith(proposed);
        record Registered(Lane lane, Subject subject, double draw) {
        }
        List<Registered> recent = jdbc.sql("select lane, subject::text as subject, lane_decision::text as decision from dossier "
                        + "where subject is not null order by registered_at desc limit ?")
                .param(PREVIEW_OVER)
                .query((rs, n) -> new Registered(Lane.valueOf(rs.getString("lane")),
                        json.readValue(rs.getString("subject"), Subject.class),
                        json.readValue(rs.getString("decision"), LaneDecision.class).draw()))
                .list();
        Map<Lane, Integer> actual = new EnumMap<>(Lane.class);
        Map<Lane, Integer> after = new EnumMap<>(Lane.class);
        int changed = 0;
        for (Registered r : recent) {
            Lane would = next.decide(r.subject(), r.draw()).lane();
            actual.merge(r.lane(), 1, Integer::sum);
            after.merge(would, 1, Integer::sum);
            if (would != r.lane()) {
                changed++;
            }
        }
        return new Preview(recent.size(), actual, after, changed);
    }

    private void changed() {
        rules = null;
        signals.forget();
        shared.changed(SHARED);
    }

    private static Criterion checked(long id, CriterionInput input) {
        InputCheck check = new InputCheck();
        if (input == null) {
            throw new io.epewatch.kernel.InvalidInputException("body", "is empty");
        }
        Criterion.Kind kind = check.parse("kind", input.kind(), raw -> InputCheck.parseEnum(Criterion.Kind.class, raw,
                String.join(", ", java.util.Arrays.stream(Criterion.Kind.values()).map(Enum::name).toList())));
        String parameter = kind == null ? null : check.parse("parameter", input.parameter(), kind::normalise);
        Lane lane = check.parse("lane", input.lane(), raw -> {
            Lane l = InputCheck.parseEnum(Lane.class, raw, "YELLOW or RED");
            if (l == Lane.GREEN) {
                throw new IllegalArgumentException("must be YELLOW or RED: a criterion sends a declaration to a check");
            }
            return l;
        });
        if (input.note() != null) {
            check.maxLength("note", input.note(), 500);
        }
        check.throwIfAny();
        return new Criterion(id, kind, parameter, lane, InputCheck.blankToNull(input.note()),
                input.enabled() == null || input.enabled());
    }

    private static BigDecimal share(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw.strip().replace(',', '.'));
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("must be a share from 0 to 1, like 0.25");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a share from 0 to 1, like 0.25");
        }
    }
}
