package io.epewatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailedSignIns} failures for one account from one address, that address is
 * locked out of that account for {@code lockout}. Keyed by account and address, so an attacker cannot lock the real
 * user out, and it expires by itself. Held in memory: one node; a cluster needs a shared store (see docs/security.md).
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final SecurityProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    boolean locked(String username, String address) {
        Failures entry = failures.get(key(username, address));
        return entry != null && entry.lockedUntil() != null && entry.lockedUntil().isAfter(clock.instant());
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(properties.lockout()).isBefore(now));
        }
        failures.compute(key(username, address), (key, previous) -> {
            boolean expired = previous == null || previous.last().plus(properties.lockout()).isBefore(now);
            int count = expired ? 1 : previous.count() + 1;
            Instant lockedUntil = count >= properties.maxFailedSignIns() ? now.plus(properties.lockout()) : null;
            return new Failures(count, lockedUntil, now);
        });
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase()) + "|" + address;
    }
}
