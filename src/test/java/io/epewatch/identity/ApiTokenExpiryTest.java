package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import io.epewatch.support.Api;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An integration's token stops working when it expires, on the application's clock (R3.1). */
@IntegrationTest
class ApiTokenExpiryTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    SettableClock clock;
    @LocalServerPort
    int port;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    @DisplayName("R3.1 a token valid for an hour answers while it is valid, and is refused two hours later")
    void expiredTokenIsRefused() {
        clock.advance(Duration.ofHours(-2)); // two hours ago (see SettableClock: the past is safe to visit)
        String token = tokens.create("expiring-" + System.nanoTime(), Set.of(ApiTokens.READ),
                clock.instant().plus(Duration.ofHours(1)));
        Api api = new Api(port, token);
        assertThat(api.get("/api/v1/warnings").status()).isEqualTo(200);

        clock.reset(); // two hours later
        Api.Response late = api.get("/api/v1/warnings");
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.contentType()).contains("problem+json");
    }
}
