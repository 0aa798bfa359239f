package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R3.1: password and second-factor guessing is slowed per account whatever address a request claims; a forged
 * X-Forwarded-For is recorded as what it is and never taken for the client's address (no proxy is trusted here).
 */
@IntegrationTest
class SignInThrottlingTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R3.1 guesses from ever-changing X-Forwarded-For addresses still throttle the account; the audit names the real peer")
    void rotatingForwardedAddressesDoNotBypassTheThrottle() {
        String officer = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        for (int i = 0; i < 8; i++) {
            new Api(port, null).withHeader("X-Forwarded-For", "198.51.100." + i).signIn(officer, "wrong-password-" + i);
        }
        String location = new Api(port, null).withHeader("X-Forwarded-For", "203.0.113.9").signInAttempt(officer, Fixtures.PASSWORD);
        assertThat(location).as("the right password waits too, from a 'new' address").contains("/login?locked=");

        List<AuditRecord> failures = audit.search(new AuditTrail.Query(officer, null, AuditTrail.Actions.SIGN_IN_FAILED, null, null), 20);
        assertThat(failures).hasSize(9);
        assertThat(failures).allSatisfy(record -> assertThat(record.details()).contains("\"address\":\"127.0.0.1\"")
                .contains("\"forwardedFor\":\"").doesNotContain("\"client\""));
        assertThat(failures.getFirst().details()).contains("throttled");
    }

    @Test
    @DisplayName("R3.1 a guesser naming someone else's address in X-Forwarded-For does not lock that someone out")
    void aForgedAddressLocksNobodyElseOut() {
        String target = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        String victim = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        for (int i = 0; i < 6; i++) {
            new Api(port, null).withHeader("X-Forwarded-For", "192.0.2.77").signIn(target, "wrong-password-" + i);
        }
        assertThat(new Api(port, null).withHeader("X-Forwarded-For", "192.0.2.77").signInAttempt(victim, Fixtures.PASSWORD)).doesNotContain("/login");
    }

    @Test
    @DisplayName("R3.1 wrong TOTP codes count like wrong passwords: after a few, not even the right code is checked")
    void secondFactorGuessingIsThrottled() {
        String head = fixtures.user(Role.HEAD, fixtures.site().subDepartment().id(), null);
        String secret = fixtures.enrolTotp(head);
        Api guesser = new Api(port, null).signIn(head, Fixtures.PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertThat(guesser.form("/account/mfa/verify", "code=" + String.format("%06d", i)).status()).isEqualTo(200);
        }
        assertThat(guesser.form("/account/mfa/verify", "code=" + io.epewatch.support.TotpCodes.now(secret)).status())
                .as("the right code, while the account must wait").isEqualTo(200);
        assertThat(guesser.get("/api/v1/enterprises").status()).isEqualTo(403);
    }

}
