package io.epewatch.planning;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.calendar.WorkingHours;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monthly supervision plans (R4.1–R4.3): the head of a sub-department draws the month's plan for the officers and
 * capacities they name, adjusts it check by check, and exports it; officers see their checks and record each one's
 * result on the checklist. Drawing, moving and results are audited.
 */
@Service
public class SupervisionPlans {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Unscheduled checks on top of the rotation, as a share of the enterprises. */
    private static final double UNSCHEDULED_SHARE = 0.2;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Enterprises enterprises;
    private final UserAccounts accounts;
    private final WorkingDays workingDays;
    private final EnterpriseRiskScores risk;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    SupervisionPlans(JdbcClient jdbc, JsonMapper json, Enterprises enterprises, UserAccounts accounts,
                     WorkingDays workingDays, EnterpriseRiskScores risk, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.workingDays = workingDays;
        this.risk = risk;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Draws (or draws again, while no check has a result) the plan of the caller's sub-department for a month.
     *
     * @param capacity officers of the unit and how many checks each can do that month
     */
    @Transactional
    public SupervisionPlan generate(Caller caller, String month, Map<String, Integer> capacity) {
        long unit = headedUnit(caller);
        InputCheck check = new InputCheck();
        YearMonth ym = check.parse("month", month, Timestamps::month);
        if (ym != null && ym.isBefore(YearMonth.now(clock.withZone(VIETNAM)))) {
            check.reject("month", "monthPast", "is past");
        }
        Map<String, Integer> officers = new LinkedHashMap<>();
        if (capacity == null || capacity.isEmpty()) {
            check.reject("capacity", "capacityRequired", "name at least one officer and how many checks they can do");
        } else {
            capacity.forEach((officer, n) -> {
                if (n == null || n < 1 || n > 200) {
                    check.reject("capacity." + officer, "capacityRange", "must be between 1 and 200 checks", 1, 200);
                } else if (!officerOf(officer, unit)) {
                    check.reject("capacity." + officer, "notOfficerOfUnit", "is not an officer of the sub-department");
                } else {
                    officers.put(officer, n);
                }
            });
        }
        check.throwIfAny();
        Optional<Long> existing = planId(unit, ym);
        if (existing.isPresent()) {
            long recorded = jdbc.sql("select count(*) from supervision_check where plan_id = ? and result is not null")
                    .param(existing.get()).query(Long.class).single();
            if (recorded > 0) {
                throw new InvalidInputException("month", "planHasResults", "the plan has results recorded; adjust its checks instead");
            }
            jdbc.sql("delete from supervision_check where plan_id = ?").param(existing.get()).update();
            jdbc.sql("delete from supervision_plan where id = ?").param(existing.get()).update();
        }
        Map<String, Integer> riskByEnterprise = new LinkedHashMap<>();
        managed(unit).forEach(e -> riskByEnterprise.put(e.taxCode(), risk.scoreOf(e.taxCode())));
        WorkingHours hours = workingDays.hours(unit);
        long seed = seeds.nextLong();
        List<PlannedCheck> drawn;
        try {
            drawn = PlanGenerator.generate(new PlanRequest(ym, workingDays.calendar(), hours.opens(), hours.closes(),
                    riskByEnterprise, officers, UNSCHEDULED_SHARE), seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("capacity", e.getMessage());
        }
        long id = jdbc.sql("""
                        insert into supervision_plan (unit_id, month, seed, generated_by, generated_at) values (?, ?, ?, ?, ?)
                        returning id""")
                .params(unit, Date.valueOf(ym.atDay(1)), seed, caller.name(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (PlannedCheck c : drawn) {
            jdbc.sql("""
                            insert into supervision_check (plan_id, enterprise_tax_code, officer, at, unscheduled)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, c.enterpriseTaxCode(), c.officer(), Timestamp.valueOf(c.at()), c.unscheduled()).update();
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "plan:" + unit + ":" + ym,
                Map.of("change", "supervision plan drawn", "checks", drawn.size(), "seed", seed));
        return plan(caller.access(), unit, ym).orElseThrow();
    }

    /** Moves a check to another time or officer (the head); it stays on a working day within working hours. */
    @Transactional
    public SupervisionCheck move(Caller caller, long checkId, String at, String officer) {
        long unit = headedUnit(caller);
        SupervisionCheck current = check(caller.access(), checkId);
        InputCheck check = new InputCheck();
        LocalDateTime when = check.parse("at", at, Timestamps::localDateTime);
        WorkingHours hours = workingDays.hours(unit);
        if (when != null && (!workingDays.calendar().isWorkingDay(when.toLocalDate())
                || when.toLocalTime().isBefore(hours.opens()) || when.toLocalTime().plusHours(1).isAfter(hours.closes()))) {
            check.reject("at", "checkHours", "must be on a working day between " + hours.opens() + " and an hour before " + hours.closes(),
                    hours.opens().toString(), hours.closes().toString());
        }
        String who = officer == null || officer.isBlank() ? current.officer() : officer.strip();
        if (!officerOf(who, unit)) {
            check.reject("officer", "notOfficerOfUnit", "is not an officer of the sub-department");
        }
        check.throwIfAny();
        jdbc.sql("update supervision_check set at = ?, officer = ?, moved_by = ? where id = ?")
                .params(Timestamp.valueOf(when), who, caller.name(), checkId).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, current.enterpriseTaxCode(), "check:" + checkId,
                Map.of("change", "check moved", "from", current.at().toString(), "to", when.toString(), "officer", who));
        return check(caller.access(), checkId);
    }

    /** The officer records what the check found. */
    @Transactional
    public SupervisionCheck record(Caller caller, long checkId, Checklist result) {
        if (result == null) {
            throw new InvalidInputException("result", "send the checklist: camerasOnline, imagesMatchLogbook, gateLogConsistent, remarks");
        }
        SupervisionCheck current = check(caller.access(), checkId);
        if (!current.officer().equals(caller.name()) && !caller.roles().contains(Role.HEAD)) {
            throw new AccessDeniedException("the check is another officer's");
        }
        InputCheck check = new InputCheck();
        check.maxLength("remarks", result.remarks(), 2_000);
        if (current.at().toLocalDate().isAfter(LocalDate.now(clock.withZone(VIETNAM)))) {
            check.reject("id", "checkOnTheDay", "the check is planned for " + current.at().toLocalDate() + ": record it on the day",
                    current.at().toLocalDate().toString());
        }
        check.throwIfAny();
        jdbc.sql("update supervision_check set result = ?::jsonb, result_by = ?, result_at = ? where id = ?")
                .params(json.writeValueAsString(result), caller.name(), Timestamp.from(clock.instant()), checkId).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, current.enterpriseTaxCode(), "check:" + checkId,
                Map.of("change", "check result recorded"));
        return check(caller.access(), checkId);
    }

    public Optional<SupervisionPlan> plan(AccessScope scope, long unit, YearMonth month) {
        if (!scope.everything() && !scope.unitIds().contains(unit)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, unit_id, month, seed, generated_by, generated_at from supervision_plan where unit_id = ? and month = ?")
                .params(unit, Date.valueOf(month.atDay(1)))
                .query((rs, n) -> new SupervisionPlan(rs.getLong("id"), rs.getLong("unit_id"),
                        YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("seed"), rs.getString("generated_by"),
                        rs.getTimestamp("generated_at").toInstant(), checks("plan_id = ?", rs.getLong("id"))))
                .optional();
    }

    /** An officer's checks between two days, in time order. */
    public List<SupervisionCheck> checksOf(String officer, LocalDate from, LocalDate to) {
        return checks("officer = ? and at >= ? and at < ?", officer, Timestamp.valueOf(from.atStartOfDay()),
                Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }

    /** Every check planned on a day, for reminders. */
    public List<SupervisionCheck> checksOn(LocalDate day) {
        return checks("at >= ? and at < ?", Timestamp.valueOf(day.atStartOfDay()), Timestamp.valueOf(day.plusDays(1).atStartOfDay()));
    }

    public SupervisionCheck check(AccessScope scope, long id) {
        return checks("c.id = ?", id).stream()
                .filter(c -> enterprises.visibleTaxCodes(scope).contains(c.enterpriseTaxCode())).findFirst()
                .orElseThrow(() -> new NotFoundException("check", String.valueOf(id)));
    }

    /** The sub-department the caller heads: checks are planned per sub-department. */
    public long headedUnit(Caller caller) {
        if (!caller.roles().contains(Role.HEAD) || caller.unitId() == null) {
            throw new AccessDeniedException("the head of a sub-department plans its checks");
        }
        return caller.unitId();
    }

    private List<SupervisionCheck> checks(String where, Object... params) {
        List<SupervisionCheck> found = jdbc.sql("""
                        select c.id, c.plan_id, c.enterprise_tax_code, c.officer, c.at, c.unscheduled, c.moved_by,
                            c.result::text as result, c.result_by, c.result_at
                        from supervision_check c where\s""" + where + " order by c.at, c.id")
                .params(params).query(this::toCheck).list();
        if (found.isEmpty()) {
            return found;
        }
        Map<String, String> names = new java.util.HashMap<>();
        enterprises.list(AccessScope.all()).forEach(e -> names.put(e.taxCode(), e.name()));
        return found.stream().map(c -> new SupervisionCheck(c.id(), c.planId(), c.enterpriseTaxCode(),
                names.getOrDefault(c.enterpriseTaxCode(), c.enterpriseTaxCode()), c.officer(), c.at(), c.unscheduled(),
                c.movedBy(), c.result(), c.resultBy(), c.resultAt())).toList();
    }

    private SupervisionCheck toCheck(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        Timestamp at = rs.getTimestamp("result_at");
        return new SupervisionCheck(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("enterprise_tax_code"),
                null, rs.getString("officer"), rs.getTimestamp("at").toLocalDateTime(),
                rs.getBoolean("unscheduled"), rs.getString("moved_by"),
                result == null ? null : json.readValue(result, Checklist.class), rs.getString("result_by"),
                at == null ? null : at.toInstant());
    }

    private Optional<Long> planId(long unit, YearMonth month) {
        return jdbc.sql("select id from supervision_plan where unit_id = ? and month = ?")
                .params(unit, Date.valueOf(month.atDay(1))).query(Long.class).optional();
    }

    private List<Enterprise> managed(long unit) {
        return enterprises.list(AccessScope.all()).stream().filter(e -> e.managingUnitId() == unit).toList();
    }

    private boolean officerOf(String username, long unit) {
        Optional<Account> account = accounts.find(username);
        return account.isPresent() && account.get().enabled() && Long.valueOf(unit).equals(account.get().unitId())
                && (account.get().roles().contains(Role.OFFICER) || account.get().roles().contains(Role.HEAD));
    }
}
