package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.epewatch.support.Api;
import io.epewatch.support.QuietDemo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Behind a reverse proxy that is named in {@code epewatch.security.trusted-proxies}, its X-Forwarded-For names the
 * client (throttled per client, audited beside the real peer) and X-Forwarded-Proto makes cookies Secure.
 */
@org.junit.jupiter.api.Tag("extra-start")
class TrustedProxyTest {

    @Test
    @DisplayName("R3.1 a trusted proxy's client address is throttled per client and audited beside the proxy's own")
    void aTrustedProxyNamesTheClient() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-proxy");
        try (ConfigurableApplicationContext app = QuietDemo.start(dataDir, "--epewatch.security.trusted-proxies=127.0.0.1")) {
            int port = QuietDemo.port(app);
            // a password sprayer behind the proxy: 20 accounts, one client
            for (int i = 0; i < 20; i++) {
                new Api(port, null).withHeader("X-Forwarded-For", "203.0.113.7").signIn("nobody" + i, "wrong-password");
            }
            assertThat(new Api(port, null).withHeader("X-Forwarded-For", "203.0.113.7").signInAttempt("officer", "Demo.Congchuc.2026")).contains("/login?locked=");
            assertThat(new Api(port, null).withHeader("X-Forwarded-For", "203.0.113.8").signInAttempt("officer", "Demo.Congchuc.2026")).as("another client of the same proxy")
                    .doesNotContain("/login");

            List<AuditRecord> failed = app.getBean(AuditTrail.class)
                    .search(new AuditTrail.Query("nobody3", null, AuditTrail.Actions.SIGN_IN_FAILED, null, null), 5);
            assertThat(failed.getFirst().details()).contains("\"address\":\"127.0.0.1\"")
                    .contains("\"client\":\"203.0.113.7\"").contains("\"forwardedFor\":\"203.0.113.7\"");

            Api overTls = new Api(port, null).withHeader("X-Forwarded-For", "203.0.113.9").withHeader("X-Forwarded-Proto", "https");
            Api.Response login = overTls.form("/login", "username=officer&password=Demo.Congchuc.2026",
                    Api.csrfFrom(overTls.get("/login").body()));
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).contains("Secure"));
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

}
