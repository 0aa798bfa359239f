package io.epewatch.identity.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.AccountKind;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a person's account, roles and access scope at sign-in. */
@Service
class AccountDetails implements UserDetailsService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccountDetails.class);

    private final JdbcClient jdbc;
    private final Units units;

    AccountDetails(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    private record Row(long id, String username, String displayName, String passwordHash, Long unitId,
                       String enterpriseTaxCode, boolean enabled, boolean mustChangePassword, boolean mfaEnabled) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Row row = jdbc.sql("""
                        select id, username, display_name, password_hash, unit_id, enterprise_tax_code, enabled,
                               must_change_password, totp_enabled
                        from user_account where username = ?""")
                .param(username)
                .query((rs, n) -> {
                    long unit = rs.getLong("unit_id");
                    Long unitId = rs.wasNull() ? null : unit; // asked right after reading it: no unit is null, not 0
                    return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), unitId,
                            rs.getString("enterprise_tax_code"), rs.getBoolean("enabled"),
                            rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"));
                })
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from user_role where user_id = ?").param(row.id()).query(String.class).list()
                .forEach(role -> roles.add(Role.valueOf(role)));
        // a role that does not fit the account (granted before the rule, or written into the table by hand) gives
        // nothing: an enterprise's user never reads as customs, whatever the table says
        AccountKind kind = AccountKind.of(row.unitId(), row.enterpriseTaxCode());
        UnitKind unitKind = row.unitId() == null ? null : units.find(row.unitId()).map(Unit::kind).orElse(null);
        if (roles.removeIf(role -> !kind.mayHold(role, unitKind))) {
            log.warn("Account {} holds roles that do not fit a {} account; they are ignored", row.username(), kind);
        }
        Caller caller = new Caller(row.username(), roles, Set.of(), row.unitId(), scopeOf(roles, row));
        return new SignedInUser(caller, row.displayName(), row.passwordHash(), row.enabled(), row.mustChangePassword(),
                row.mfaEnabled());
    }

    private AccessScope scopeOf(Set<Role> roles, Row row) {
        if (roles.contains(Role.SYSTEM_ADMIN) || roles.contains(Role.HQ_ANALYST)) {
            // HQ analysts read across units (their permissions keep them from changing anything)
            return AccessScope.all();
        }
        if (row.unitId() != null && (roles.contains(Role.OFFICER) || roles.contains(Role.HEAD) || roles.contains(Role.UNIT_ADMIN))) {
            return AccessScope.units(new HashSet<>(units.subtree(row.unitId())));
        }
        if ((roles.contains(Role.EPE_USER) || roles.contains(Role.DECLARANT)) && row.enterpriseTaxCode() != null) {
            return AccessScope.enterprise(row.enterpriseTaxCode());
        }
        return AccessScope.nothing();
    }
}
