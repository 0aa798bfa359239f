package io.epewatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The throttle's two keys, each on its own, on a clock the test moves. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-04T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(
            new SecurityProperties(Set.of(), 5, 20, Duration.ofMinutes(15), Set.of()), clock);

    @Test
    void anAccountGuessedFromEverywhereWaitsLongerAfterEachFailure() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.wait("officer", "198.51.100." + i)).isZero();
            throttle.failed("officer", "198.51.100." + i);
        }
        assertThat(throttle.wait("officer", "203.0.113.1")).as("a new address changes nothing").isEqualTo(Duration.ofSeconds(1));
        throttle.failed("Officer", "203.0.113.2");
        assertThat(throttle.wait("OFFICER", "203.0.113.3")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("officer", "203.0.113.4");
        }
        assertThat(throttle.wait("officer", null)).as("never more than the lockout").isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.wait("head", "192.0.2.50")).as("other accounts, other addresses: untouched").isZero();
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.wait("officer", null)).as("it expires by itself").isZero();
    }

    @Test
    void anAddressSprayingManyAccountsWaitsOutTheLockout() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(throttle.wait("someone-else", "198.51.100.7")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.wait("someone-else", "198.51.100.8")).isZero();
    }

    @Test
    void theOwnerGettingInStartsTheAccountAgain() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("officer", "198.51.100.1");
        }
        now = now.plusSeconds(3);
        throttle.succeeded("officer");
        throttle.failed("officer", "198.51.100.1");
        assertThat(throttle.wait("officer", "192.0.2.1")).isZero();
    }

    @Test
    void trustedProxiesAreIpAddressesOnly() {
        assertThat(ForwardedHeaders.proxiesPattern(Set.of())).isEmpty();
        assertThat(ForwardedHeaders.proxiesPattern(Set.of("10.0.0.5"))).isEqualTo("\\Q10.0.0.5\\E");
        assertThat(ForwardedHeaders.proxiesPattern(Set.of("::1"))).isEqualTo("\\Q0:0:0:0:0:0:0:1\\E");
        assertThatThrownBy(() -> ForwardedHeaders.proxiesPattern(Set.of("proxy.example.vn")))
                .hasMessageContaining("not an IP address");
    }
}
