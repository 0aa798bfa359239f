package io.epewatch.identity.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.epewatch.identity.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored hashes. A wrong, expired or revoked
 * token is a 401 at once; it never falls through to a session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** last_used_at is written at most this often per token, so a busy feed does not write on every call. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProblemWriter problems;
    private final AccountDetails accounts;

    BearerTokenFilter(JdbcClient jdbc, Clock clock, ProblemWriter problems, AccountDetails accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.problems = problems;
    }

    /** @param owner the person a personal token acts for, or null for an integration */
    private record StoredToken(long id, String name, Set<String> scopes, Instant lastUsedAt, String owner) {
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(7).strip();
        Optional<StoredToken> token = find(secret);
        if (token.isEmpty()) {
            problems.write(response, 401, "Unauthorized", "The bearer token is unknown, expired or revoked");
            return;
        }
        org.springframework.security.core.Authentication authentication;
        if (token.get().owner() != null) {
            SignedInUser owner;
            try {
                owner = (SignedInUser) accounts.loadUserByUsername(token.get().owner());
            } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
                owner = null;
            }
            if (owner == null || !owner.isEnabled()) {
                problems.write(response, 401, "Unauthorized", "The bearer token's account is disabled or gone");
                return;
            }
            authentication = TokenAuthentication.personal(owner);
        } else {
            authentication = TokenAuthentication.integration(token.get().name(), token.get().scopes());
        }
        touch(token.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<StoredToken> find(String secret) {
        return jdbc.sql("""
                        select id, name, scopes, last_used_at, owner from api_token
                        where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
                .params(ApiTokens.hash(secret), Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("last_used_at");
                    return new StoredToken(rs.getLong("id"), rs.getString("name"),
                            Set.of((String[]) rs.getArray("scopes").getArray()), used == null ? null : used.toInstant(),
                            rs.getString("owner"));
                })
                .optional();
    }

    private void touch(StoredToken token) {
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), token.id()).update();
        }
    }
}
