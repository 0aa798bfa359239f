package io.epewatch.calendar;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.SharedState;
import io.epewatch.kernel.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working calendar of the system: computed holidays, the announcements administrators enter (audited), and each
 * sub-department's working hours. The calendar is rebuilt when an announcement changes, so deadlines computed after
 * it see it.
 */
@Service
public class WorkingDays {

    private final JdbcClient jdbc;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile WorkingCalendar calendar;
    /** The announced calendar, as other instances keep it too (issue 22). */
    private static final String SHARED = "working-calendar";
    private final SharedState shared;

    WorkingDays(JdbcClient jdbc, Units units, AuditTrail audit, Clock clock, SharedState shared) {
        this.shared = shared;
        shared.onChange(SHARED, () -> calendar = null);
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The calendar as announced now. */
    public WorkingCalendar calendar() {
        WorkingCalendar current = calendar;
        if (current == null) {
            current = new WorkingCalendar(adjustments());
            calendar = current;
        }
        return current;
    }

    public List<Adjustment> adjustments() {
        return jdbc.sql("select day, day_off, reason, source from calendar_adjustment order by day")
                .query((rs, n) -> new Adjustment(rs.getDate("day").toLocalDate(), rs.getBoolean("day_off"),
                        rs.getString("reason"), rs.getString("source"))).list();
    }

    /** Records an announced day off or day worked; the same day again replaces it. System administrators only. */
    @Transactional
    public Adjustment announce(Caller caller, String day, Boolean dayOff, String reason, String source) {
        requireSystemAdmin(caller);
        InputCheck check = new InputCheck();
        LocalDate date = check.parse("day", day, Timestamps::date);
        check.require("dayOff", dayOff);
        check.requireText("reason", reason, 300);
        // the law wants the source of every change to a deadline's calendar on record
        check.requireText("source", source, 300);
        check.throwIfAny();
        Adjustment adjustment = new Adjustment(date, dayOff, reason.strip(), source.strip());
        jdbc.sql("""
                        insert into calendar_adjustment (day, day_off, reason, source, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (day) do update set day_off = excluded.day_off, reason = excluded.reason,
                            source = excluded.source, created_by = excluded.created_by, created_at = excluded.created_at""")
                .params(Date.valueOf(date), dayOff, adjustment.reason(), adjustment.source(), caller.name(),
                        Timestamp.from(clock.instant())).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "calendar:" + date,
                Map.of("change", dayOff ? "announced day off" : "announced working day", "reason", adjustment.reason(),
                        "source", adjustment.source()));
        forgetCalendar();
        return adjustment;
    }

    @Transactional
    public void withdraw(Caller caller, String day) {
        requireSystemAdmin(caller);
        InputCheck check = new InputCheck();
        LocalDate date = check.parse("day", day, Timestamps::date);
        check.throwIfAny();
        if (jdbc.sql("delete from calendar_adjustment where day = ?").param(Date.valueOf(date)).update() == 0) {
            throw new NotFoundException("calendar announcement", day);
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "calendar:" + date,
                Map.of("change", "announcement withdrawn"));
        forgetCalendar();
    }

    /**
     * Drops the cached calendar now and again once the change commits: a reader between the two would otherwise
     * cache the calendar as it stood before the change (its transaction not yet visible) and keep it.
     */
    private void forgetCalendar() {
        calendar = null;
        shared.changed(SHARED);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            calendar = null;
                        }
                    });
        }
    }

    /** A sub-department's working hours; the state agencies' default when it has set none. */
    public WorkingHours hours(long unitId) {
        return jdbc.sql("select opens, closes from unit_working_hours where unit_id = ?").param(unitId)
                .query((rs, n) -> new WorkingHours(unitId, rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime()))
                .optional().orElse(new WorkingHours(unitId, WorkingHours.DEFAULT_OPENS, WorkingHours.DEFAULT_CLOSES));
    }

    /** Sets a sub-department's working hours: system administrators, or that unit's administrators. Audited. */
    @Transactional
    public WorkingHours setHours(Caller caller, long unitId, String opens, String closes) {
        var unit = units.find(unitId).filter(u -> u.kind() == UnitKind.SUB_DEPARTMENT)
                .orElseThrow(() -> new NotFoundException("sub-department", String.valueOf(unitId)));
        boolean own = caller.roles().contains(Role.UNIT_ADMIN) && caller.access().unitIds().contains(unit.id());
        if (!caller.roles().contains(Role.SYSTEM_ADMIN) && !own) {
            throw new AccessDeniedException("only administrators of the unit set its working hours");
        }
        InputCheck check = new InputCheck();
        LocalTime from = check.parse("opens", opens, Timestamps::timeOfDay);
        LocalTime to = check.parse("closes", closes, Timestamps::timeOfDay);
        if (from != null && to != null && !from.isBefore(to)) {
            check.reject("closes", "closesAfterOpens", "must be after opens");
        }
        check.throwIfAny();
        jdbc.sql("""
                        insert into unit_working_hours (unit_id, opens, closes, updated_by, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (unit_id) do update set opens = excluded.opens, closes = excluded.closes,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(unitId, Time.valueOf(from), Time.valueOf(to), caller.name(), Timestamp.from(clock.instant())).update();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, null, "unit:" + unitId + ":hours",
                Map.of("change", "working hours set", "opens", from.toString(), "closes", to.toString()));
        return new WorkingHours(unitId, from, to);
    }

    private static void requireSystemAdmin(Caller caller) {
        if (!caller.roles().contains(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException("only system administrators enter the government's announcements");
        }
    }
}
