package io.epewatch.identity;

import static io.epewatch.kernel.StoredTime.instant;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for integrations (declaration feeds, edge ANPR cameras). The secret is shown once at creation;
 * only its SHA-256 is stored, which is enough for 256-bit random secrets (no salt or slow hash needed).
 */
@Service
public class ApiTokens {

    /** Scopes known to this version. */
    public static final String INGEST_DECLARATIONS = "ingest:declarations";
    public static final String INGEST_GATE_EVENTS = "ingest:gate-events";
    public static final String READ = "read";
    public static final String READ_METRICS = "read:metrics";
    public static final String INGEST_GPS = "ingest:gps";
    public static final String INGEST_CARGO = "ingest:cargo";
    public static final Set<String> SCOPES = Set.of(INGEST_DECLARATIONS, INGEST_GATE_EVENTS, INGEST_GPS, INGEST_CARGO, READ, READ_METRICS);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final java.time.Clock clock;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token with a fresh random secret and returns the secret, which is never shown again. */
    @Transactional
    public String create(String name, Set<String> scopes, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "epw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        register(name, token, scopes, expiresAt);
        return token;
    }

    /** A token as administrators see it: never the secret. */
    public record TokenInfo(long id, String name, Set<String> scopes, Instant expiresAt, Instant revokedAt,
                            Instant lastUsedAt, Instant createdAt, String createdBy) {
    }

    /** An administrator issues a token; the secret is returned once and only its hash is kept. */
    @Transactional
    public String issue(Caller admin, String name, Set<String> scopes, Instant expiresAt) {
        requireAdmin(admin);
        InputCheck check = new InputCheck();
        // letters of any language (Vietnamese names with diacritics), digits, spaces and . _ - (issue 15)
        if (check.require("name", name) && !name.strip().matches("[\\p{L}\\p{M}\\p{N} ._-]{3,64}")) {
            check.reject("name", "tokenName", "use 3 to 64 letters, digits, spaces, dot, dash or underscore");
        }
        if (scopes == null || scopes.isEmpty()) {
            check.reject("scopes", "scopesRequired", "at least one scope is required");
        } else if (!SCOPES.containsAll(scopes)) {
            check.reject("scopes", "scopesUnknown", "known scopes are " + String.join(", ", new java.util.TreeSet<>(SCOPES)));
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            check.reject("expiresAt", "future", "must be in the future");
        }
        if (name != null && jdbc.sql("select count(*) from api_token where name = ?").param(name.strip()).query(Integer.class).single() > 0) {
            check.reject("name", "tokenNameTaken", "a token with this name exists");
        }
        check.throwIfAny();
        String token = create(name.strip(), scopes, expiresAt);
        jdbc.sql("update api_token set created_by = ? where name = ?").params(admin.name(), name.strip()).update();
        audit.record(admin.name(), AuditTrail.Actions.TOKEN_CREATED, null, "token:" + name.strip(),
                java.util.Map.of("scopes", new java.util.TreeSet<>(scopes).toString(), "expiresAt", String.valueOf(expiresAt)));
        return token;
    }

    @Transactional
    public void revoke(Caller admin, long id) {
        requireAdmin(admin);
        String name = jdbc.sql("select name from api_token where id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> new io.epewatch.kernel.NotFoundException("token", String.valueOf(id)));
        if (jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), id).update() > 0) {
            audit.record(admin.name(), AuditTrail.Actions.TOKEN_REVOKED, null, "token:" + name, java.util.Map.of());
        }
    }

    public java.util.List<TokenInfo> list(Caller admin) {
        requireAdmin(admin);
        return jdbc.sql("select id, name, scopes, expires_at, revoked_at, last_used_at, created_at, created_by from api_token order by created_at desc")
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
                        Set.of((String[]) rs.getArray("scopes").getArray()), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("created_at")), rs.getString("created_by")))
                .list();
    }

    private static void requireAdmin(Caller admin) {
        if (!admin.has(Role.SYSTEM_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only system administrators manage API tokens");
        }
    }

    /** A person's own token as its owner sees it: never the secret. */
    public record PersonalTokenInfo(long id, String label, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
                                    Instant createdAt) {
    }

    /**
     * A declarant issues a token for its own software: requests with it act as the declarant, with the declarant's
     * rights at the time. The secret is returned once; only its hash is kept.
     */
    @Transactional
    public String issuePersonal(Caller owner, String label, String expiresOn) {
        if (!owner.has(Role.DECLARANT)) {
            throw new org.springframework.security.access.AccessDeniedException("personal API tokens are for declarants");
        }
        InputCheck check = new InputCheck();
        if (check.require("label", label) && !label.strip().matches("[\\p{L}\\p{M}\\p{N} ._-]{3,64}")) {
            check.reject("label", "tokenName", "use 3 to 64 letters, digits, spaces, dot, dash or underscore");
        }
        // the day it expires, Vietnam time: the token works through that day
        Instant expiresAt = check.parseOptional("expiresAt", expiresOn, raw -> io.epewatch.kernel.Timestamps.date(raw)
                .plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            check.reject("expiresAt", "future", "must be in the future");
        }
        String name = owner.name() + "/" + (label == null ? "" : label.strip());
        if (label != null && jdbc.sql("select count(*) from api_token where name = ?").param(name).query(Integer.class).single() > 0) {
            check.reject("label", "tokenNameTaken", "a token with this name exists");
        }
        check.throwIfAny();
        String token = create(name, Set.of("personal"), expiresAt);
        jdbc.sql("update api_token set created_by = ?, owner = ? where name = ?").params(owner.name(), owner.name(), name).update();
        audit.record(owner.name(), AuditTrail.Actions.TOKEN_CREATED, null, "token:" + name,
                java.util.Map.of("personal", true, "expiresAt", String.valueOf(expiresAt)));
        return token;
    }

    public java.util.List<PersonalTokenInfo> personal(Caller owner) {
        return jdbc.sql("select id, name, expires_at, revoked_at, last_used_at, created_at from api_token where owner = ? order by created_at desc")
                .param(owner.name())
                .query((rs, n) -> new PersonalTokenInfo(rs.getLong("id"), rs.getString("name").substring(owner.name().length() + 1),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("created_at"))))
                .list();
    }

    @Transactional
    public void revokePersonal(Caller owner, long id) {
        String name = jdbc.sql("select name from api_token where id = ? and owner = ?").params(id, owner.name()).query(String.class)
                .optional().orElseThrow(() -> new io.epewatch.kernel.NotFoundException("token", String.valueOf(id)));
        if (jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), id).update() > 0) {
            audit.record(owner.name(), AuditTrail.Actions.TOKEN_REVOKED, null, "token:" + name, java.util.Map.of());
        }
    }

    /** Registers a secret chosen elsewhere (the demo profile's documented token), replacing a token of that name. */
    @Transactional
    public void register(String name, String token, Set<String> scopes, Instant expiresAt) {
        jdbc.sql("delete from api_token where name = ?").param(name).update();
        jdbc.sql("insert into api_token (name, token_hash, scopes, expires_at) values (?, ?, ?, ?)")
                .params(name, hash(token), scopes.toArray(String[]::new),
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .update();
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
