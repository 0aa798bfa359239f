package io.epewatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against a real (embedded) PostgreSQL, wiped at start. Every integration
 * test uses this same configuration, so one context and one database serve the whole run; a test that needs
 * another configuration must not share the data directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "epewatch.data-dir=target/test-data",
        "epewatch.db.fresh=true",
        // the database is fresh each run, so are the audit trail's checkpoints
        "epewatch.audit.checkpoint-file=target/test-data/audit-checkpoints-${random.uuid}.log",
        "logging.file.name=target/test-data/logs/epewatch.log",
        // TOTP is required for these roles in the tests; officers and EPE users sign in with a password alone
        "epewatch.security.mfa-required-roles=SYSTEM_ADMIN,UNIT_ADMIN,HEAD",
        // every test signs in from 127.0.0.1: the per-address limit is tested on its own (TrustedProxyTest)
        "epewatch.security.max-failed-sign-ins-per-address=1000",
        // the disk-space alarm is tested on its own; a nearly full build machine must not fail the other tests
        "epewatch.evidence.min-free-space=1MB",
        // tests drive probe cycles themselves
        "epewatch.camera.monitor.enabled=false",
        "epewatch.recognition.watch.enabled=false",
        // tests that need the recent footage of a gate camera start its ring themselves
        "epewatch.camera.clips.ring-buffer=false",
        // timed rules fire within a second of being due, not half a minute
        "epewatch.risk.tick-every=PT1S",
        // notices: e-mail to the SMTP server NotificationTest runs on this port (refused quickly when it is not up)
        "spring.mail.host=127.0.0.1", "spring.mail.port=18625",
        "spring.mail.properties.mail.smtp.connectiontimeout=1000", "spring.mail.properties.mail.smtp.timeout=2000",
        "epewatch.notification.deliver-every=PT1S", "epewatch.notification.sweep-every=PT1S",
        "epewatch.camera.monitor.probe-timeout=1s",
        // the SSRF guard stays strict, but for these loopback ports, where tests start their simulated cameras
        "epewatch.camera.allowed-loopback-ports=18600-18999"})
@Import({Fixtures.class, IntegrationTest.Clocks.class})
@org.junit.jupiter.api.extension.ExtendWith(Fixtures.EventScope.class)
@AutoConfigureMetrics // Prometheus is served as in production

public @interface IntegrationTest {

    /** The application's clock is the tests' {@link SettableClock}. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    class Clocks {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
