package io.epewatch.identity;

import java.util.Set;

import io.epewatch.kernel.InputCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's accounts. A later issue adds delegated administration, MFA and audit (R6.3). */
@Service
public class UserAccounts {

    /** Shorter passwords are refused; a later issue adds the breached-password list. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    /**
     * Creates an account. Customs roles need a unit; {@link Role#EPE_USER} needs the enterprise's tax code.
     */
    @Transactional
    public long create(String username, String displayName, String rawPassword, Set<Role> roles,
                       Long unitId, String enterpriseTaxCode) {
        InputCheck check = new InputCheck();
        if (check.require("username", username) && !username.matches("[a-z0-9._-]{3,64}")) {
            check.reject("username", "use 3 to 64 lower-case letters, digits, dot, dash or underscore");
        }
        check.require("displayName", displayName);
        if (check.require("password", rawPassword) && rawPassword.length() < MIN_PASSWORD_LENGTH) {
            check.reject("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (roles == null || roles.isEmpty()) {
            check.reject("roles", "at least one role is required");
        } else {
            boolean customs = roles.stream().anyMatch(r -> r != Role.EPE_USER && r != Role.SYSTEM_ADMIN);
            if (customs && unitId == null) {
                check.reject("unitId", "customs roles belong to a unit");
            }
            if (roles.contains(Role.EPE_USER) && (enterpriseTaxCode == null || enterpriseTaxCode.isBlank())) {
                check.reject("enterpriseTaxCode", "an EPE user belongs to an enterprise");
            }
        }
        if (username != null && exists(username)) {
            check.reject("username", "is already taken");
        }
        check.throwIfAny();
        long id = jdbc.sql("""
                insert into user_account (username, display_name, password_hash, unit_id, enterprise_tax_code)
                values (?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, passwords.encode(rawPassword), unitId, enterpriseTaxCode)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }
}
