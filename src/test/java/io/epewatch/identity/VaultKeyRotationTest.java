package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.epewatch.EpeWatchApplication;
import io.epewatch.identity.internal.MfaAccounts;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.support.Fixtures;
import io.epewatch.support.TotpCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The documented key rotation: a new key, every sealed secret re-sealed with it, nothing lost. */
@org.junit.jupiter.api.Tag("extra-start")
class VaultKeyRotationTest {

    @Test
    @DisplayName("R3.1 rotate-vault-key re-seals camera credentials and TOTP secrets with a new active key")
    void rotationReSealsEverything() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-vault");
        String totpSecret;
        try (ConfigurableApplicationContext app = run(dataDir, "--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false")) {
            app.getBean(CameraCredentials.class).store(Fixtures.ADMIN, "0312345678", "C01", "viewer", "Gate-Pass-123!");
            totpSecret = new dev.samstevens.totp.secret.DefaultSecretGenerator(32).generate();
            app.getBean(MfaAccounts.class).enrol("officer", totpSecret, TotpCodes.now(totpSecret));
        }
        Properties before = keys(dataDir);
        assertThat(before.getProperty("active")).isEqualTo("k1");

        try (ConfigurableApplicationContext command = run(dataDir, "--epewatch.command=rotate-vault-key")) {
            assertThat(SpringApplication.exit(command)).isZero();
        }
        Properties after = keys(dataDir);
        String active = after.getProperty("active");
        assertThat(active).isNotEqualTo("k1");
        assertThat(after.getProperty("k1")).isEqualTo(before.getProperty("k1"));

        try (ConfigurableApplicationContext app = run(dataDir, "--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select key_id from camera_credential").query(String.class).list()).containsOnly(active);
            assertThat(jdbc.sql("select totp_secret from user_account where username = 'officer'").query(String.class).single())
                    .startsWith(active + ":");
            assertThat(app.getBean(CameraCredentials.class).useFor(Fixtures.ADMIN, "0312345678", "C01", "test"))
                    .hasValueSatisfying(c -> assertThat(c.password()).isEqualTo("Gate-Pass-123!"));
            assertThat(app.getBean(MfaAccounts.class).verify("officer", TotpCodes.now(totpSecret))).isTrue();
            assertThat(app.getBean(AuditTrail.class).verify().intact()).isTrue();
        }
    }

    private static Properties keys(Path dataDir) throws Exception {
        Properties keys = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("vault.keys"))) {
            keys.load(in);
        }
        return keys;
    }

    private static ConfigurableApplicationContext run(Path dataDir, String... args) {
        SpringApplication application = new SpringApplication(EpeWatchApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--epewatch.data-dir=" + dataDir;
        all[args.length + 1] = "--logging.file.name=" + dataDir.resolve("epewatch.log");
        return application.run(all);
    }
}
