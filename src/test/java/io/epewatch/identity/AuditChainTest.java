package io.epewatch.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.EpeWatchApplication;
import io.epewatch.support.DatabaseSuperuser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R3.1 R4.2: the audit trail is append-only for the application, hash-chained, and compared with signed checkpoints
 * kept outside the database. Someone holding the database superuser's password rewrites it in every way we know;
 * each is detected and named. After each attempt the trail is put back exactly and verifies intact again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTest {

    private Path dataDir;
    private ConfigurableApplicationContext app;
    private AuditTrail audit;
    private AuditCheckpoints checkpoints;
    private Connection superuserConnection;
    private JdbcClient superuser;
    private List<AuditRecord> original;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("epewatch-audit");
        app = run(dataDir, "--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false",
                "--epewatch.demo.camera-base-port=0", "--epewatch.camera.monitor.enabled=false",
                "--epewatch.audit.checkpoint-every=PT1H", "--epewatch.audit.first-checkpoint-after=PT1H");
        audit = app.getBean(AuditTrail.class);
        checkpoints = app.getBean(AuditCheckpoints.class);
        for (int i = 0; i < 5; i++) {
            audit.record("officer", AuditTrail.Actions.CONFIGURATION_CHANGED, null, "test:" + i, Map.of("step", i));
        }
        assertThat(checkpoints.write()).isPresent();
        connectAsSuperuser();
        original = rows();
        assertThat(original).hasSizeGreaterThan(10);
    }

    /** A session that fires no triggers: what a superuser can always arrange. */
    private void connectAsSuperuser() throws Exception {
        superuserConnection = DatabaseSuperuser.connect(dataDir, "postgres");
        superuser = DatabaseSuperuser.jdbc(superuserConnection);
        superuser.sql("set session_replication_role = replica").update();
    }

    @AfterEach
    void putBackExactly() {
        superuser.sql("delete from audit_record").update();
        for (AuditRecord r : original) {
            insert(r);
        }
        assertThat(audit.verify().intact()).as("put back exactly, the trail verifies again").isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        superuserConnection.close();
        app.close();
    }

    @Test
    @DisplayName("R3.1 the application's own role can neither change, delete, truncate the trail nor switch its guard off")
    void theApplicationCannotRewriteHistory() {
        JdbcClient application = app.getBean(JdbcClient.class);
        assertThatThrownBy(() -> application.sql("update audit_record set actor = 'x' where id = ?").param(original.get(2).id()).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> application.sql("delete from audit_record").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> application.sql("truncate audit_record").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> application.sql("alter table audit_record disable trigger audit_record_no_change").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThat(application.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .as("the application is no superuser").isFalse();
    }

    @Test
    @DisplayName("R3.1 TRUNCATE is refused by a statement trigger, even for the superuser with triggers in force")
    void truncateIsRefused() throws Exception {
        try (Connection fresh = DatabaseSuperuser.connect(dataDir, "postgres")) {
            assertThatThrownBy(() -> DatabaseSuperuser.jdbc(fresh).sql("truncate audit_record").update())
                    .rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    @DisplayName("R3.1 an edited record is named")
    void editIsDetected() {
        AuditRecord victim = original.get(4);
        superuser.sql("update audit_record set actor = 'someone-else' where id = ?").param(victim.id()).update();
        AuditVerification result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenRecord()).isEqualTo(victim.id());
        assertThat(result.problem()).contains("record " + victim.id() + " was edited");
    }

    @Test
    @DisplayName("R3.1 a record deleted in the middle is noticed at the next one")
    void deleteInTheMiddleIsDetected() {
        AuditRecord victim = original.get(7);
        superuser.sql("delete from audit_record where id = ?").param(victim.id()).update();
        AuditVerification result = audit.verify();
        assertThat(result.firstBrokenRecord()).isEqualTo(original.get(8).id());
        assertThat(result.problem()).contains("does not follow record " + original.get(6).id()).contains("was deleted");
    }

    @Test
    @DisplayName("R3.1 the newest records deleted: the chain still links, the signed checkpoint counted them")
    void deletingTheNewestIsDetected() {
        superuser.sql("delete from audit_record where id >= ?").param(original.get(original.size() - 3).id()).update();
        AuditVerification result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("newest records were deleted").contains(original.size() - 3 + " records");
    }

    @Test
    @DisplayName("R3.1 the table emptied past its triggers is detected against the checkpoint")
    void truncationIsDetected() {
        superuser.sql("truncate audit_record").update();
        AuditVerification result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("ends empty").contains("emptied");
    }

    @Test
    @DisplayName("R3.1 a chain re-hashed from a point on links perfectly, and still differs from the checkpoint")
    void rewriteFromAPointIsDetected() {
        int from = 6;
        rewrite(from);
        AuditVerification result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenRecord()).isEqualTo(checkpoints.read().latest().orElseThrow().lastId());
        assertThat(result.problem()).contains("is not the one signed in the checkpoint").contains("rewritten");
    }

    @Test
    @DisplayName("R3.1 a chain rebuilt whole from the start is detected against the checkpoint")
    void fullRebuildIsDetected() {
        rewrite(0);
        assertThat(audit.verify().problem()).contains("is not the one signed in the checkpoint");
    }

    @Test
    @DisplayName("R3.1 checkpoints removed or changed in their file are noticed; an anchor kept elsewhere still catches a rebuild")
    void theCheckpointFileAndTheAnchor() throws Exception {
        Path file = dataDir.resolve("audit-checkpoints.log");
        List<String> lines = Files.readAllLines(file);
        String anchor = audit.anchor().orElseThrow();
        try {
            List<String> altered = new ArrayList<>(lines);
            altered.set(0, altered.getFirst().replaceFirst("\"count\":\\d+", "\"count\":3"));
            Files.write(file, altered);
            assertThat(audit.verify().problem()).contains("line 1 is not signed by this installation's key");

            // someone who controls the files too: removes the checkpoints and rebuilds the chain
            Files.delete(file);
            rewrite(0);
            assertThat(audit.verify().intact()).as("without checkpoints a consistent rebuild looks intact").isTrue();
            AuditVerification withAnchor = audit.verify(anchor);
            assertThat(withAnchor.intact()).isFalse();
            assertThat(withAnchor.problem()).contains("is not the one signed in the checkpoint");
            assertThat(audit.verify("{\"count\": 1}").problem()).contains("not an audit checkpoint");
        } finally {
            Files.write(file, lines);
        }
    }

    @Test
    @DisplayName("R3.1 verify-audit exits 3 and names the problem; audit-anchor prints a signed checkpoint")
    @org.junit.jupiter.api.Tag("extra-start")
    void theCommands() throws Exception {
        superuser.sql("delete from audit_record where id = ?").param(original.getLast().id()).update();
        Path anchorFile = dataDir.resolve("anchor.json");
        Files.writeString(anchorFile, checkpoints.line(checkpoints.read().latest().orElseThrow()));
        superuserConnection.close();
        app.close(); // commands run with the server stopped
        try {
            Command verify = command("--epewatch.command=verify-audit", "--anchor=" + anchorFile);
            assertThat(verify.exit()).isEqualTo(3);
            assertThat(verify.printed()).contains("Audit trail BROKEN").contains("newest records were deleted");
        } finally {
            app = run(dataDir, "--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false",
                    "--epewatch.demo.camera-base-port=0", "--epewatch.camera.monitor.enabled=false",
                    "--epewatch.audit.checkpoint-every=PT1H", "--epewatch.audit.first-checkpoint-after=PT1H");
            audit = app.getBean(AuditTrail.class);
            checkpoints = app.getBean(AuditCheckpoints.class);
            connectAsSuperuser();
        }
    }

    /** Re-creates every record from {@code from} on with a changed actor and fresh, consistent hashes. */
    private void rewrite(int from) {
        superuser.sql("delete from audit_record where id >= ?").param(original.get(from).id()).update();
        String previous = from == 0 ? AuditTrail.GENESIS : original.get(from - 1).hash();
        for (int i = from; i < original.size(); i++) {
            AuditRecord r = original.get(i);
            String actor = i == from ? "nobody" : r.actor();
            AuditRecord unhashed = new AuditRecord(r.id(), r.at(), actor, r.action(), r.enterpriseTaxCode(), r.target(),
                    r.details(), previous, null);
            AuditRecord forged = new AuditRecord(r.id(), r.at(), actor, r.action(), r.enterpriseTaxCode(), r.target(),
                    r.details(), previous, AuditTrail.hashOf(unhashed));
            insert(forged);
            previous = forged.hash();
        }
    }

    private List<AuditRecord> rows() {
        return superuser.sql("select * from audit_record order by id").query(AuditTrail::toRecord).list();
    }

    private void insert(AuditRecord r) {
        superuser.sql("""
                        insert into audit_record (id, at, actor, action, enterprise_tax_code, target, details, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), Timestamp.from(r.at()), r.actor(), r.action(), r.enterpriseTaxCode(), r.target(),
                        r.details(), r.prevHash(), r.hash())
                .update();
    }

    private record Command(int exit, String printed) {
    }

    private Command command(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext command = run(dataDir, args)) {
            return new Command(SpringApplication.exit(command), printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
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
