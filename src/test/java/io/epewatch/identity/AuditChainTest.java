package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.epewatch.EpeWatchApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is append-only and hash-chained; the verify-audit command names the first record that was touched. */
class AuditChainTest {

    @Test
    @DisplayName("R3.1 R4.2 editing or deleting an audit record is detected by verify-audit, naming the record")
    void tamperingIsDetected() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-audit");
        long edited;
        long afterDeleted;
        try (ConfigurableApplicationContext app = run(dataDir, "--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            AuditTrail audit = app.getBean(AuditTrail.class);
            assertThat(audit.verify().intact()).isTrue();
            assertThat(audit.verify().recordsChecked()).isGreaterThan(10);
            // the application's own account cannot change history
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_record set actor = 'x' where id = 3").update())
                    .hasMessageContaining("append-only");
            // someone with the database owner's rights can, by switching the guard off; the chain still tells
            jdbc.sql("alter table audit_record disable trigger audit_record_no_change").update();
            edited = jdbc.sql("select id from audit_record order by id limit 1 offset 4").query(Long.class).single();
            String actor = jdbc.sql("select actor from audit_record where id = ?").param(edited).query(String.class).single();
            jdbc.sql("update audit_record set actor = 'someone-else' where id = ?").param(edited).update();
            AuditVerification afterEdit = audit.verify();
            assertThat(afterEdit.firstBrokenRecord()).isEqualTo(edited);
            assertThat(afterEdit.problem()).contains("record " + edited + " was edited");
            jdbc.sql("update audit_record set actor = ? where id = ?").params(actor, edited).update();
            assertThat(audit.verify().intact()).as("put back exactly, the chain holds again").isTrue();

            long deleted = jdbc.sql("select id from audit_record order by id limit 1 offset 7").query(Long.class).single();
            afterDeleted = jdbc.sql("select min(id) from audit_record where id > ?").param(deleted).query(Long.class).single();
            jdbc.sql("delete from audit_record where id = ?").param(deleted).update();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try (ConfigurableApplicationContext command = run(dataDir, "--epewatch.command=verify-audit")) {
            exit = SpringApplication.exit(command);
        } finally {
            System.setOut(console);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(3);
        assertThat(report).contains("Audit trail BROKEN at record " + afterDeleted)
                .contains("does not follow record " + (afterDeleted - 2)).contains("was deleted");
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
