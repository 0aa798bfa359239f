package io.epewatch.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.identity.AuditTrail.Actions;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegated administration (R6.3): a unit admin opens accounts and grants roles only within their own unit and never
 * grants the administrative roles; the IT board's admin does so for headquarters boards; a system administrator for
 * everyone. Whoever grants, a role must fit the account's kind ({@link AccountKind}): no customs role for an
 * enterprise's people, analysts only at headquarters boards. New accounts get a one-time password that must be
 * changed at first sign-in. Every change is audited.
 */
@Service
public class AccountAdministration {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Units units;
    private final EnterpriseUnits enterpriseUnits;
    private final AuditTrail audit;

    AccountAdministration(JdbcClient jdbc, UserAccounts accounts, Units units, EnterpriseUnits enterpriseUnits, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.units = units;
        this.enterpriseUnits = enterpriseUnits;
        this.audit = audit;
    }

    /** Opens an account and returns its one-time initial password, shown to the administrator once. */
    @Transactional
    public String open(Caller admin, NewAccount input) {
        InputCheck check = new InputCheck();
        check.require("role", input.role());
        if (input.role() != null && AccountKind.enterpriseRequired(Set.of(input.role()), input.unitId())
                && (input.enterpriseTaxCode() == null || input.enterpriseTaxCode().isBlank())) {
            check.reject("enterpriseTaxCode", "enterpriseRequired", "an enterprise-side account belongs to an enterprise");
        }
        if (input.role() != null && !input.role().enterpriseSide() && input.role() != Role.SYSTEM_ADMIN && input.unitId() == null) {
            check.reject("unitId", "unitRequired", "customs roles belong to a unit");
        }
        check.throwIfAny();
        Long unitId = input.role().enterpriseSide() ? null : input.unitId();
        String taxCode = input.role().enterpriseSide() ? InputCheck.blankToNull(input.enterpriseTaxCode()) : null;
        requireMayGrant(admin, input.role(), unitId, taxCode);
        // as asked, not as it would be stored: a tax code with a customs role is refused, not dropped
        requireFits(input.role(), input.unitId(), InputCheck.blankToNull(input.enterpriseTaxCode()));
        String password = Passwords.generate(16);
        accounts.create(input.username(), input.displayName(), password, Set.of(input.role()), unitId, taxCode, true);
        audit.record(admin.name(), Actions.ACCOUNT_CREATED, taxCode, "user:" + input.username(),
                Map.of("role", input.role().name(), "unit", String.valueOf(unitId)));
        return password;
    }

    @Transactional
    public void grant(Caller admin, String username, Role role) {
        Account account = find(username);
        requireNotSelf(admin, username);
        requireMayGrant(admin, role, account.unitId(), account.enterpriseTaxCode());
        requireFits(role, account.unitId(), account.enterpriseTaxCode());
        long id = idOf(username);
        if (jdbc.sql("insert into user_role (user_id, role) values (?, ?) on conflict do nothing").params(id, role.name()).update() > 0) {
            audit.record(admin.name(), Actions.ROLE_GRANTED, account.enterpriseTaxCode(), "user:" + username, Map.of("role", role.name()));
        }
    }

    @Transactional
    public void revoke(Caller admin, String username, Role role) {
        Account account = find(username);
        requireNotSelf(admin, username);
        requireMayGrant(admin, role, account.unitId(), account.enterpriseTaxCode());
        if (jdbc.sql("delete from user_role where user_id = ? and role = ?").params(idOf(username), role.name()).update() > 0) {
            audit.record(admin.name(), Actions.ROLE_REVOKED, account.enterpriseTaxCode(), "user:" + username, Map.of("role", role.name()));
        }
    }

    /**
     * R6.3: a one-time password for an account whose owner cannot sign in — a forgotten password, or an account the
     * backup received from the primary, which arrives without one (Letter 497/2025: the default password comes from
     * customs IT and is changed at first sign-in). Only an administrator who could grant every role the account holds
     * issues it, so that a unit administrator never takes over another administrator's account. Audited.
     */
    @Transactional
    public String issuePassword(Caller admin, String username) {
        Account account = find(username);
        if (admin.name().equals(username)) {
            throw new AccessDeniedException("change your own password on your account page");
        }
        if (!mayAdminister(admin, account.unitId(), account.enterpriseTaxCode())) {
            throw new AccessDeniedException("you may only administer accounts of your own unit");
        }
        account.roles().forEach(role -> requireMayGrant(admin, role, account.unitId(), account.enterpriseTaxCode()));
        String password = Passwords.generate(16);
        accounts.replacePassword(username, password);
        audit.record(admin.name(), Actions.PASSWORD_ISSUED, account.enterpriseTaxCode(), "user:" + username, Map.of());
        return password;
    }

    /** The accounts an administrator manages: all for a system admin, their unit's (or the HQ boards') for a unit admin. */
    public List<Account> manageable(Caller admin) {
        return accounts.all().stream().filter(a -> mayAdminister(admin, a.unitId(), a.enterpriseTaxCode())).toList();
    }

    public Account find(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("user", username));
    }

    /**
     * R6.3: the rule of who may grant what to whom, in one place. A system administrator grants any role that fits
     * the account; a unit administrator grants the roles of people it administers — officers and heads of its own
     * unit, the users and declarants of enterprises its unit manages — and never an administrative one; analysts,
     * who read nationwide, only the IT board's administrator (R6.3: headquarters accounts are granted by the IT board).
     */
    public boolean mayGrant(Caller admin, Role role, Long unitId, String enterpriseTaxCode) {
        return fits(role, unitId, enterpriseTaxCode) && authorized(admin, role, unitId, enterpriseTaxCode);
    }

    /** The roles this administrator grants to some account: what the form to open an account offers (issue 15). */
    public java.util.List<Role> grantableRoles(Caller admin) {
        return java.util.Arrays.stream(Role.values()).filter(role -> admin.has(Role.SYSTEM_ADMIN) || admin.has(Role.UNIT_ADMIN)
                && !role.administrative() && (role != Role.HQ_ANALYST || units.find(admin.unitId()).map(Unit::itBoard).orElse(false)))
                .toList();
    }

    /** Whether {@code admin} administers this role for this account, whether or not the role fits it. */
    private boolean authorized(Caller admin, Role role, Long unitId, String enterpriseTaxCode) {
        if (admin.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        if (!admin.has(Role.UNIT_ADMIN) || role.administrative()) {
            return false;
        }
        if (role == Role.HQ_ANALYST && !units.find(admin.unitId()).map(Unit::itBoard).orElse(false)) {
            return false;
        }
        return mayAdminister(admin, unitId, enterpriseTaxCode);
    }

    private boolean fits(Role role, Long unitId, String enterpriseTaxCode) {
        UnitKind unitKind = unitId == null ? null : units.find(unitId).map(Unit::kind).orElse(null);
        return AccountKind.of(unitId, enterpriseTaxCode).mayHold(role, unitKind);
    }

    /** A role that no grantor may give this account is refused as bad input, naming why. */
    private void requireFits(Role role, Long unitId, String enterpriseTaxCode) {
        if (!fits(role, unitId, enterpriseTaxCode)) {
            AccountKind kind = AccountKind.of(unitId, enterpriseTaxCode);
            InputCheck check = new InputCheck();
            check.reject("role", "roleMismatch", switch (kind) {
                case ENTERPRISE -> "an enterprise's account holds only EPE_USER or DECLARANT, never a customs role";
                case INSTALLATION -> "an account without a unit or enterprise holds only SYSTEM_ADMIN or DECLARANT (a broker)";
                case CUSTOMS -> role == Role.HQ_ANALYST ? "HQ_ANALYST is for accounts of a headquarters board"
                        : "customs staff do not hold an enterprise's role";
            });
            check.throwIfAny();
        }
    }

    private boolean mayAdminister(Caller admin, Long unitId, String enterpriseTaxCode) {
        if (admin.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        if (!admin.has(Role.UNIT_ADMIN) || admin.unitId() == null) {
            return false;
        }
        if (enterpriseTaxCode != null) {
            return enterpriseUnits.managingUnit(enterpriseTaxCode).map(admin.unitId()::equals).orElse(false);
        }
        if (unitId == null) {
            return false;
        }
        if (unitId.equals(admin.unitId())) {
            return true;
        }
        // headquarters board accounts are granted by the IT board's administrator (R6.3)
        Unit adminUnit = units.find(admin.unitId()).orElse(null);
        Unit target = units.find(unitId).orElse(null);
        return adminUnit != null && adminUnit.itBoard() && target != null && target.kind() == UnitKind.HQ_BOARD;
    }

    /** 403 unless {@code admin} administers this role for this account (revoking a role that does not fit included). */
    private void requireMayGrant(Caller admin, Role role, Long unitId, String enterpriseTaxCode) {
        if (!authorized(admin, role, unitId, enterpriseTaxCode)) {
            throw new AccessDeniedException((role.administrative() || role == Role.HQ_ANALYST) && !admin.has(Role.SYSTEM_ADMIN)
                    ? "only a system administrator (for analysts also the IT board's administrator) grants " + role
                    : "you may only administer accounts of your own unit");
        }
    }

    /** Separation of duties: an administrator does not change their own roles; another administrator does. */
    private static void requireNotSelf(Caller admin, String username) {
        if (admin.name().equals(username)) {
            throw new AccessDeniedException("you may not change your own roles");
        }
    }

    private long idOf(String username) {
        return jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class).single();
    }

}
