package io.epewatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class SignInHandlersTest {

    private final SignInThrottle throttle = new SignInThrottle(
            new SecurityProperties(Set.of(), 5, 20, Duration.ofMinutes(15), Set.of()), Clock.systemUTC());
    // the audit trail is never reached on this path: nothing was attempted by the person
    private final SignInHandlers handlers = new SignInHandlers(throttle, null, null);

    @Test
    @DisplayName("R6.3 a sign-in the system could not check (its database away, no connection free) locks nobody out")
    void systemFailuresAreNotThePersonsFailures() throws Exception {
        for (int i = 0; i < 50; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
            request.setParameter("username", "pair-declarant");
            request.setRemoteAddr("192.0.2.10");
            MockHttpServletResponse response = new MockHttpServletResponse();
            handlers.failure().onAuthenticationFailure(request, response,
                    new InternalAuthenticationServiceException("Failed to obtain JDBC Connection"));
            assertThat(response.getRedirectedUrl()).isEqualTo("/login?unavailable");
        }
        assertThat(throttle.wait("pair-declarant", "192.0.2.10")).isZero();
    }
}
