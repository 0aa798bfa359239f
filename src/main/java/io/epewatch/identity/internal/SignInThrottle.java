package io.epewatch.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password and second-factor guessing, on two keys that no request header can change:
 * <ul>
 *   <li><b>per account</b>, from anywhere: after {@code maxFailedSignIns} failures each further attempt must wait,
 *       1 s, 2 s, 4 s … up to {@code lockout}; rotating addresses buys an attacker nothing;</li>
 *   <li><b>per client address</b> (the TCP peer, or the address a trusted proxy reports), across accounts: after
 *       {@code maxFailedSignInsPerAddress} failures it waits out {@code lockout}, which slows password spraying.</li>
 * </ul>
 * Both forget a key once {@code lockout} passed without a failure. The price of the first: someone guessing at an
 * account delays its owner too (minutes, never for good) — the owner is told to wait, not refused for ever.
 * Held in memory: one node; a cluster needs a shared store (docs/security.md).
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final SecurityProperties properties;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    SignInThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    /** How long an attempt for this account from this address must still wait; zero when it may go ahead. */
    Duration wait(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(account(username)), now);
        Duration client = address == null ? Duration.ZERO : remaining(addresses.get(address), now);
        return account.compareTo(client) >= 0 ? account : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        accounts.compute(account(username), (key, previous) -> {
            int count = expired(previous, now) ? 1 : previous.count() + 1;
            int over = count - properties.maxFailedSignIns();
            Duration delay = over < 0 ? Duration.ZERO
                    : min(Duration.ofSeconds(1L << Math.min(over, 30)), properties.lockout());
            return new Failures(count, now, delay.isZero() ? null : now.plus(delay));
        });
        if (address != null) {
            addresses.compute(address, (key, previous) -> {
                int count = expired(previous, now) ? 1 : previous.count() + 1;
                return new Failures(count, now, count >= properties.maxFailedSignInsPerAddress() ? now.plus(properties.lockout()) : null);
            });
        }
    }

    /** The account's owner got in: its count starts again (the address's does not: spraying goes on elsewhere). */
    void succeeded(String username) {
        accounts.remove(account(username));
    }

    private boolean expired(Failures failures, Instant now) {
        return failures == null || failures.last().plus(properties.lockout()).isBefore(now);
    }

    private static Duration remaining(Failures failures, Instant now) {
        return failures == null || failures.waitUntil() == null || !failures.waitUntil().isAfter(now) ? Duration.ZERO
                : Duration.between(now, failures.waitUntil());
    }

    private void forgetOld(Instant now) {
        if (accounts.size() + addresses.size() > MAX_TRACKED) {
            accounts.values().removeIf(f -> expired(f, now));
            addresses.values().removeIf(f -> expired(f, now));
        }
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
