package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.epewatch.EpeWatchApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Production has no default account: the first administrator comes from the create-admin command. */
@org.junit.jupiter.api.Tag("extra-start")
class CreateAdminCommandTest {

    @Test
    void createsTheFirstAdministratorWithAPasswordShownOnceAndRefusesADuplicate() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-admin");
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String password;
        try (ConfigurableApplicationContext context = command(dataDir)) {
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("Created system administrator 'chief'");
            password = output.replaceAll("(?s).*Password \\(shown once, store it safely\\): (\\S+).*", "$1");
            assertThat(password).hasSize(20);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String hash = jdbc.sql("select password_hash from user_account where username = 'chief'").query(String.class).single();
            assertThat(context.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
            assertThat(jdbc.sql("select role from user_role r join user_account u on u.id = r.user_id where u.username = 'chief'")
                    .query(String.class).list()).containsExactly("SYSTEM_ADMIN");
        } finally {
            System.setOut(console);
        }
        try (ConfigurableApplicationContext again = command(dataDir)) {
            assertThat(SpringApplication.exit(again)).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext command(Path dataDir) {
        SpringApplication application = new SpringApplication(EpeWatchApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("command");
        return application.run("--username=chief", "--epewatch.command=create-admin", "--epewatch.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("epewatch.log"));
    }
}
