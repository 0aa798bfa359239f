package io.epewatch.identity;

import static io.epewatch.kernel.StoredTime.instant;
import static io.epewatch.kernel.StoredTime.timestamp;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.epewatch.identity.AuditTrail.Actions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R6.3: the backup's accounts and unit scopes are the primary's. The primary {@link #export() exports} its units,
 * accounts with their roles, and declarants' own API tokens (so that their software switches by base URL alone, R6.4);
 * the backup {@link #mirror(Snapshot) mirrors} them. Passwords do not travel: as Letter 497/2025 has it, an account
 * reaches the backup with a password nobody knows, an administrator there issues a one-time one, and its owner
 * changes it at first sign-in. An account made on the backup itself keeps precedence over one of the same name, and
 * what administrators change on the backup holds until the primary — back — sends its accounts again.
 */
@Service
public class AccountDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAMED_IN_AUDIT = 20;

    public record UnitEntry(String code, String name, String kind, String parentCode, String board) {
    }

    public record AccountEntry(String username, String displayName, String unitCode, String enterpriseTaxCode,
                               boolean enabled, Set<String> roles) {
    }

    public record TokenEntry(String name, String tokenHash, Set<String> scopes, Instant expiresAt, Instant revokedAt,
                             String owner) {
    }

    /** Units parents first, so that a unit's parent is always already there when it arrives. */
    public record Snapshot(List<UnitEntry> units, List<AccountEntry> accounts, List<TokenEntry> tokens) {
    }

    /** What a mirror changed; {@code keptLocal} counts the primary's accounts skipped for a backup-made one. */
    public record Mirrored(int units, int added, int updated, int disabled, int keptLocal, int tokens) {

        public boolean changed() {
            return units + added + updated + disabled + tokens > 0;
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    AccountDirectory(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Snapshot export() {
        List<UnitEntry> units = jdbc.sql("""
                with recursive tree(id, depth) as (
                    select id, 0 from unit where parent_id is null
                    union all
                    select u.id, t.depth + 1 from unit u join tree t on u.parent_id = t.id)
                select u.code, u.name, u.kind, p.code as parent_code, u.board
                from unit u join tree t on t.id = u.id left join unit p on p.id = u.parent_id
                order by t.depth, u.code""")
                .query((rs, n) -> new UnitEntry(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("parent_code"), rs.getString("board"))).list();
        List<AccountEntry> accounts = accounts().stream().map(Local::entry).toList();
        List<TokenEntry> tokens = jdbc.sql("""
                select name, token_hash, scopes, expires_at, revoked_at, owner from api_token
                where owner is not null order by name""")
                .query((rs, n) -> new TokenEntry(rs.getString("name"), rs.getString("token_hash"),
                        new TreeSet<>(List.of((String[]) rs.getArray("scopes").getArray())), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("revoked_at")), rs.getString("owner"))).list();
        return new Snapshot(units, accounts, tokens);
    }

    /** Makes this instance's accounts the snapshot's, in one transaction; idempotent, writes only what differs. */
    @Transactional
    public Mirrored mirror(Snapshot snapshot) {
        snapshot.accounts().forEach(a -> a.roles().forEach(Role::valueOf)); // same code on both: a stranger is a fault
        int units = mirrorUnits(snapshot.units());
        Map<String, Local> local = accounts().stream().collect(Collectors.toMap(l -> l.entry().username(), l -> l));
        List<String> added = new ArrayList<>();
        int updated = 0;
        int keptLocal = 0;
        String unusable = null;
        Set<String> sent = new HashSet<>();
        for (AccountEntry entry : snapshot.accounts()) {
            sent.add(entry.username());
            Local here = local.get(entry.username());
            if (here != null && !here.mirrored()) {
                keptLocal++;
                continue;
            }
            if (here == null) {
                if (unusable == null) {
                    unusable = passwords.encode(randomSecret());
                }
                long id = jdbc.sql("""
                                insert into user_account (username, display_name, password_hash, unit_id, enterprise_tax_code,
                                    enabled, must_change_password, mirrored)
                                values (?, ?, ?, (select id from unit where code = ?), ?, ?, true, true) returning id""")
                        .params(entry.username(), entry.displayName(), unusable, entry.unitCode(), entry.enterpriseTaxCode(),
                                entry.enabled()).query(Long.class).single();
                setRoles(id, entry.roles());
                added.add(entry.username());
            } else if (!here.entry().equals(entry)) {
                jdbc.sql("""
                                update user_account set display_name = ?, unit_id = (select id from unit where code = ?),
                                    enterprise_tax_code = ?, enabled = ? where id = ?""")
                        .params(entry.displayName(), entry.unitCode(), entry.enterpriseTaxCode(), entry.enabled(), here.id()).update();
                if (!here.entry().roles().equals(entry.roles())) {
                    jdbc.sql("delete from user_role where user_id = ?").param(here.id()).update();
                    setRoles(here.id(), entry.roles());
                }
                updated++;
            }
        }
        List<String> disabled = jdbc.sql("""
                        update user_account set enabled = false where mirrored and enabled and not (username = any(?))
                        returning username""")
                .param(sent.toArray(String[]::new)).query(String.class).list();
        int tokens = mirrorTokens(snapshot.tokens());
        Mirrored result = new Mirrored(units, added.size(), updated, disabled.size(), keptLocal, tokens);
        if (result.changed()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("units", units);
            details.put("added", added.size());
            details.put("updated", updated);
            details.put("disabled", disabled.size());
            details.put("tokens", tokens);
            details.put("keptLocal", keptLocal);
            details.put("addedAccounts", String.join(",", added.subList(0, Math.min(NAMED_IN_AUDIT, added.size()))));
            details.put("disabledAccounts", String.join(",", disabled.subList(0, Math.min(NAMED_IN_AUDIT, disabled.size()))));
            audit.record("system", Actions.ACCOUNTS_SYNCHRONISED, null, "system:accounts", details);
        }
        return result;
    }

    private int mirrorUnits(List<UnitEntry> units) {
        int changed = 0;
        for (UnitEntry unit : units) {
            changed += jdbc.sql("""
                            insert into unit (code, name, kind, parent_id, board, mirrored)
                            values (?, ?, ?, (select id from unit where code = ?), ?, true)
                            on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                                parent_id = excluded.parent_id, board = excluded.board, mirrored = true
                            where (unit.name, unit.kind, unit.parent_id, unit.board, unit.mirrored)
                                is distinct from (excluded.name, excluded.kind, excluded.parent_id, excluded.board, true)""")
                    .params(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.board()).update();
        }
        return changed;
    }

    /** Declarants' own tokens, for mirrored owners only; one the primary no longer sends is revoked here. */
    private int mirrorTokens(List<TokenEntry> tokens) {
        Set<String> owners = new HashSet<>(jdbc.sql("select username from user_account where mirrored").query(String.class).list());
        int changed = 0;
        Set<String> sent = new HashSet<>();
        for (TokenEntry token : tokens) {
            if (!owners.contains(token.owner())) {
                continue;
            }
            sent.add(token.tokenHash());
            changed += jdbc.sql("""
                            insert into api_token (name, token_hash, scopes, expires_at, revoked_at, owner, created_by, mirrored)
                            values (?, ?, ?, ?, ?, ?, ?, true)
                            on conflict (token_hash) do update set expires_at = excluded.expires_at, revoked_at = excluded.revoked_at,
                                scopes = excluded.scopes
                            where api_token.mirrored and (api_token.expires_at, api_token.revoked_at, api_token.scopes)
                                is distinct from (excluded.expires_at, excluded.revoked_at, excluded.scopes)""")
                    .params(token.name(), token.tokenHash(), token.scopes().toArray(String[]::new), timestamp(token.expiresAt()),
                            timestamp(token.revokedAt()), token.owner(), token.owner()).update();
        }
        return changed + jdbc.sql("update api_token set revoked_at = ? where mirrored and revoked_at is null and not (token_hash = any(?))")
                .params(Timestamp.from(clock.instant()), sent.toArray(String[]::new)).update();
    }

    private void setRoles(long id, Set<String> roles) {
        for (String role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role).update();
        }
    }

    /** An account here as the primary would send it, with what only this instance knows of it. */
    private record Local(long id, boolean mirrored, AccountEntry entry) {
    }

    /** Every account with its unit's code and its roles, by name. */
    private List<Local> accounts() {
        return jdbc.sql("""
                        select a.id, a.mirrored, a.username, a.display_name, un.code as unit_code, a.enterprise_tax_code, a.enabled,
                               coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
                        from user_account a left join unit un on un.id = a.unit_id left join user_role r on r.user_id = a.id
                        group by a.id, un.code order by a.username""")
                .query((rs, n) -> new Local(rs.getLong("id"), rs.getBoolean("mirrored"), new AccountEntry(rs.getString("username"),
                        rs.getString("display_name"), rs.getString("unit_code"), rs.getString("enterprise_tax_code"),
                        rs.getBoolean("enabled"), new TreeSet<>(List.of((String[]) rs.getArray("roles").getArray())))))
                .list();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
