package io.epewatch.clearance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprises a declarant declares for (R6.2): an EPE's own staff for their enterprise, and a customs broker for
 * every enterprise that authorised it. The enterprise grants and revokes the mandate (or its customs does); the broker
 * then files, follows and prints the declarations of those enterprises — and sees nothing else of them.
 */
@Service
public class DeclarantMandates {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A mandate: {@code declarant} may declare for the enterprise until {@code validUntil} (inclusive), unless revoked. */
    public record Mandate(long id, String enterpriseTaxCode, String declarant, LocalDate validUntil, String grantedBy,
                          Instant grantedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    DeclarantMandates(JdbcClient jdbc, Enterprises enterprises, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enterprises the declarant may declare for today: its own, and those whose mandate is in force. */
    public Set<String> enterprisesOf(Caller caller) {
        Set<String> codes = new TreeSet<>();
        if (!caller.has(Role.DECLARANT)) {
            return codes;
        }
        if (caller.access().enterpriseTaxCode() != null) {
            codes.add(caller.access().enterpriseTaxCode());
        }
        codes.addAll(jdbc.sql("""
                        select enterprise_tax_code from declarant_mandate
                        where declarant = ? and revoked_at is null and (valid_until is null or valid_until >= ?)""")
                .params(caller.name(), java.sql.Date.valueOf(LocalDate.ofInstant(clock.instant(), VIETNAM)))
                .query(String.class).list());
        return codes;
    }

    public List<Mandate> of(Caller caller, String taxCode) {
        requireKeeper(enterprises, caller, taxCode);
        return jdbc.sql("select * from declarant_mandate where enterprise_tax_code = ? order by revoked_at nulls first, granted_at desc")
                .param(taxCode).query((rs, n) -> mandate(rs)).list();
    }

    /** The enterprise authorises a declarant account (a broker) to declare for it, until a date or until revoked. */
    @Transactional
    public Mandate grant(Caller caller, String taxCode, String declarant, String validUntil) {
        requireKeeper(enterprises, caller, taxCode);
        InputCheck check = new InputCheck();
        String name = InputCheck.blankToNull(declarant);
        if (check.require("declarant", name)) {
            name = name.strip();
            boolean isDeclarant = accounts.find(name).map(a -> a.roles().contains(Role.DECLARANT)).orElse(false);
            if (!isDeclarant) {
                check.reject("declarant", "is not a declarant account (the broker's user name, as customs created it)");
            }
        }
        LocalDate until = check.parseOptional("validUntil", validUntil, raw -> {
            LocalDate day = io.epewatch.kernel.Timestamps.date(raw);
            if (day.isBefore(LocalDate.ofInstant(clock.instant(), VIETNAM))) {
                throw new IllegalArgumentException("is past");
            }
            return day;
        });
        check.throwIfAny();
        boolean active = jdbc.sql("select count(*) from declarant_mandate where enterprise_tax_code = ? and declarant = ? and revoked_at is null")
                .params(taxCode, name).query(Long.class).single() > 0;
        if (active) {
            throw new InvalidInputException("declarant", name + " already declares for " + taxCode + "; revoke the mandate to change it");
        }
        long id = jdbc.sql("""
                        insert into declarant_mandate (enterprise_tax_code, declarant, valid_until, granted_by, granted_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(taxCode, name, until == null ? null : java.sql.Date.valueOf(until), caller.name(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "declarant-mandate:" + id,
                Map.of("declarant", name, "validUntil", until == null ? "" : until.toString()));
        return jdbc.sql("select * from declarant_mandate where id = ?").param(id).query((rs, n) -> mandate(rs)).single();
    }

    @Transactional
    public void revoke(Caller caller, String taxCode, long id) {
        requireKeeper(enterprises, caller, taxCode);
        int changed = jdbc.sql("update declarant_mandate set revoked_at = ?, revoked_by = ? where id = ? and enterprise_tax_code = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), caller.name(), id, taxCode).update();
        if (changed == 0) {
            throw new NotFoundException("mandate", String.valueOf(id));
        }
        audit.record(caller.name(), AuditTrail.Actions.CONFIGURATION_CHANGED, taxCode, "declarant-mandate:" + id, Map.of("revoked", true));
    }

    /**
     * Who keeps an enterprise's declaring set-up — its mandates and its signing certificates: the enterprise's own
     * people (not a broker acting for it), or the customs whose scope holds it. Others get 404 or 403.
     */
    static void requireKeeper(Enterprises enterprises, Caller caller, String taxCode) {
        enterprises.find(caller.access(), taxCode).orElseThrow(() -> new NotFoundException("enterprise", taxCode));
        boolean own = (caller.has(Role.EPE_USER) || caller.has(Role.DECLARANT)) && taxCode.equals(caller.access().enterpriseTaxCode());
        if (!own && !caller.isCustoms()) {
            throw new AccessDeniedException("the enterprise's own people or its customs keep its mandates and certificates");
        }
    }

    private static Mandate mandate(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date until = rs.getDate("valid_until");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Mandate(rs.getLong("id"), rs.getString("enterprise_tax_code"), rs.getString("declarant"),
                until == null ? null : until.toLocalDate(), rs.getString("granted_by"), rs.getTimestamp("granted_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
