package io.epewatch.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.AuditTrail.Actions;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's accounts: creation, passwords (R6.3: a default password is changed at first sign-in). */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final Units units;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, AuditTrail audit, Clock clock, Units units) {
        this.units = units;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    /** An account whose password its owner chose (demo users, an administrator created with a given password). */
    @Transactional
    public long create(String username, String displayName, String rawPassword, Set<Role> roles,
                       Long unitId, String enterpriseTaxCode) {
        return create(username, displayName, rawPassword, roles, unitId, enterpriseTaxCode, false);
    }

    /**
     * Creates an account. Customs roles need a unit; enterprise-side roles the enterprise's tax code. With
     * {@code mustChangePassword} nothing but the password change is reachable until the owner has chosen their own.
     */
    @Transactional
    public long create(String username, String displayName, String rawPassword, Set<Role> roles,
                       Long unitId, String enterpriseTaxCode, boolean mustChangePassword) {
        InputCheck check = new InputCheck();
        if (check.require("username", username) && !username.matches("[a-z0-9._-]{3,64}")) {
            check.reject("username", "username", "use 3 to 64 lower-case letters, digits, dot, dash or underscore");
        }
        check.require("displayName", displayName);
        check.maxLength("displayName", displayName, 200);
        policy.check(check, "password", rawPassword, username);
        if (roles == null || roles.isEmpty()) {
            check.reject("roles", "roleRequired", "at least one role is required");
        } else {
            boolean customs = roles.stream().anyMatch(r -> !r.enterpriseSide() && r != Role.SYSTEM_ADMIN);
            if (customs && unitId == null) {
                check.reject("unitId", "unitRequired", "customs roles belong to a unit");
            }
            if (AccountKind.enterpriseRequired(roles, unitId) && (enterpriseTaxCode == null || enterpriseTaxCode.isBlank())) {
                check.reject("enterpriseTaxCode", "enterpriseRequired", "an enterprise-side account belongs to an enterprise");
            } else if (!customs || unitId != null) {
                AccountKind kind = AccountKind.of(unitId, enterpriseTaxCode);
                UnitKind unitKind = unitId == null ? null : units.find(unitId).map(Unit::kind).orElse(null);
                roles.stream().filter(role -> !kind.mayHold(role, unitKind)).findFirst().ifPresent(role ->
                        check.reject("roles", "roleMismatch", role + " does not fit a " + kind.name().toLowerCase()
                                + " account" + (unitKind == null ? "" : " of a " + unitKind)));
            }
        }
        if (username != null && exists(username)) {
            check.reject("username", "usernameTaken", "is already taken");
        }
        check.throwIfAny();
        long id = jdbc.sql("""
                        insert into user_account (username, display_name, password_hash, unit_id, enterprise_tax_code,
                            must_change_password)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName.strip(), passwords.encode(rawPassword), unitId, enterpriseTaxCode, mustChangePassword)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    /** The owner replaces their password; the current one must be given, the new one must pass the policy. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from user_account where username = ?").param(username)
                .query(String.class).optional().orElseThrow(() -> new InvalidInputException("currentPassword", "currentPassword", "is wrong"));
        InputCheck check = new InputCheck();
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            check.reject("currentPassword", "currentPassword", "is wrong");
        }
        policy.check(check, "newPassword", newPassword, username);
        if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
            check.reject("newPassword", "samePassword", "must differ from the current password");
        }
        check.throwIfAny();
        jdbc.sql("""
                        update user_account set password_hash = ?, must_change_password = false, password_changed_at = ?
                        where username = ?""")
                .params(passwords.encode(newPassword), Timestamp.from(clock.instant()), username).update();
        audit.record(username, Actions.PASSWORD_CHANGED, null, "user:" + username, Map.of());
    }

    /** A password its owner must change at the next sign-in; also lifts a lock-out from failed sign-ins. */
    void replacePassword(String username, String rawPassword) {
        jdbc.sql("""
                        update user_account set password_hash = ?, must_change_password = true, failed_sign_ins = 0,
                            locked_until = null where username = ?""")
                .params(passwords.encode(rawPassword), username).update();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " where u.username = ? group by u.id").param(username).query(UserAccounts::toAccount).optional();
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " group by u.id order by u.username").query(UserAccounts::toAccount).list();
    }

    private static final String SELECT = """
            select u.username, u.display_name, u.unit_id, u.enterprise_tax_code, u.enabled, u.must_change_password,
                   u.totp_enabled, coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
            from user_account u left join user_role r on r.user_id = u.id""";

    private static Account toAccount(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new Account(rs.getString("username"), rs.getString("display_name"), unitId,
                rs.getString("enterprise_tax_code"), roles, rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getBoolean("totp_enabled"));
    }
}
