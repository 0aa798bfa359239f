package io.epewatch.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
