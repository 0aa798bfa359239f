package io.epewatch.incident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Account;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.registry.Enterprises;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customs follows an incident up to its close (R2.5): the officer who follows it, the officer's update each working
 * day, the head's supervision measure, and the close by hand with a reason (the monitor closes the ones it sees
 * restored). Each step is allowed by the incident's state and audited under its own action.
 */
@Service
public class IncidentFollowUps {

    private final Incidents incidents;
    private final IncidentRows rows;
    private final Enterprises enterprises;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentFollowUps(Incidents incidents, IncidentRows rows, Enterprises enterprises, UserAccounts accounts,
                      AuditTrail audit, Clock clock) {
        this.incidents = incidents;
        this.rows = rows;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Assigns the officer who follows the incident (R2.5); an officer may take it, a head names one of the unit. */
    @Transactional
    public Incident assign(Caller caller, long id, String username) {
        Incident incident = incidents.forStep(caller, id, IncidentState.Step.ASSIGN);
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
        rows.assign(id, officer);
        audit(caller, incident, AuditTrail.Actions.INCIDENT_ASSIGNED, Map.of("change", "officer assigned", "officer", officer));
        return incidents.find(caller.access(), id).orElseThrow();
    }

    /** The assigned officer's update of the day (R2.5); a second one the same day replaces the first. */
    @Transactional
    public Incident followUp(Caller caller, long id, String text) {
        Incident incident = incidents.forStep(caller, id, IncidentState.Step.FOLLOW_UP);
        InputCheck check = new InputCheck();
        if (!caller.name().equals(incident.assignedOfficer()) && !caller.roles().contains(Role.HEAD)) {
            check.reject("id", "followUpByAssignee", "only the assigned officer or a head records follow-ups");
        }
        check.requireText("text", text, 2_000);
        check.throwIfAny();
        LocalDate today = incidents.timeline().today();
        rows.followUp(id, today, text.strip(), caller.name(), clock.instant());
        audit(caller, incident, AuditTrail.Actions.INCIDENT_FOLLOW_UP, Map.of("change", "follow-up recorded", "day", today.toString()));
        return incidents.find(caller.access(), id).orElseThrow();
    }

    /** The head's supervision measure for the EPE while the outage lasts (R2.5). */
    @Transactional
    public Incident recordMeasure(Caller caller, long id, String measure) {
        if (!caller.roles().contains(Role.HEAD)) {
            throw new AccessDeniedException("the head decides the supervision measure");
        }
        Incident incident = incidents.forStep(caller, id, IncidentState.Step.MEASURE);
        InputCheck check = new InputCheck();
        check.requireText("measure", measure, 2_000);
        check.throwIfAny();
        rows.measure(id, measure.strip(), caller.name());
        audit(caller, incident, AuditTrail.Actions.INCIDENT_MEASURE, Map.of("change", "supervision measure decided", "measure", measure.strip()));
        return incidents.find(caller.access(), id).orElseThrow();
    }

    /** Closes an incident by hand, with the reason (the monitor closes the ones it can confirm). */
    @Transactional
    public Incident close(Caller caller, long id, String reason) {
        if (!caller.roles().contains(Role.OFFICER) && !caller.roles().contains(Role.HEAD)) {
            throw new AccessDeniedException("customs officers close incidents; the monitor closes those it sees restored");
        }
        Incident incident = incidents.forStep(caller, id, IncidentState.Step.CLOSE);
        InputCheck check = new InputCheck();
        check.requireText("reason", reason, 1_000);
        check.throwIfAny();
        rows.close(id, clock.instant(), reason.strip());
        audit(caller, incident, AuditTrail.Actions.INCIDENT_CLOSED, Map.of("change", "incident closed", "reason", reason.strip()));
        return incidents.find(caller.access(), id).orElseThrow();
    }

    private void audit(Caller caller, Incident incident, String action, Map<String, Object> details) {
        audit.record(caller.name(), action, incident.enterpriseTaxCode(), "incident:" + incident.id(), details);
    }

    private static AccessScope scopeOf(Account account) {
        return account.unitId() == null ? AccessScope.all() : AccessScope.units(Set.of(account.unitId()));
    }
}
