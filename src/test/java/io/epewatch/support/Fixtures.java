package io.epewatch.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.identity.Unit;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.UserAccounts;
import io.epewatch.identity.Units;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.registry.CameraInput;
import io.epewatch.registry.CameraSpecs;
import io.epewatch.registry.EnterpriseInput;
import io.epewatch.registry.Enterprises;
import io.epewatch.registry.Location;
import io.epewatch.registry.LocationInput;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds what a test needs through the application's own services: a sub-department with an enterprise and its
 * gate cameras, people and an integration token. Each call makes fresh codes, so tests never see each other's data.
 */
@TestComponent
public class Fixtures {

    public static final Caller ADMIN = new Caller("test-admin", Set.of(Role.SYSTEM_ADMIN), Set.of(), null, AccessScope.all());
    public static final String PASSWORD = "correct-horse-battery";

    private final Units units;
    private final Enterprises enterprises;
    private final SiteDiagram diagram;
    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final JdbcClient jdbc;
    private final io.epewatch.identity.internal.MfaAccounts mfa;

    private final io.epewatch.registry.CameraCredentials cameraCredentials;

    Fixtures(Units units, Enterprises enterprises, SiteDiagram diagram, UserAccounts accounts, ApiTokens tokens, JdbcClient jdbc,
             io.epewatch.identity.internal.MfaAccounts mfa, io.epewatch.registry.CameraCredentials cameraCredentials) {
        this.cameraCredentials = cameraCredentials;
        this.mfa = mfa;
        this.units = units;
        this.enterprises = enterprises;
        this.diagram = diagram;
        this.accounts = accounts;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /**
     * Six digits, never the same twice in this JVM: random draws collided in fresh-clone CI runs (two tests shared a
     * unit code, then a username, and one failed). Starts at a random point so separate runs rarely meet.
     */
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100000, 500000));

    private static String unique() {
        return String.valueOf(NEXT.incrementAndGet());
    }

    /** Six digits no unit code ({@code D…}, {@code S…}) or fixture tax code ({@code 03…01}) uses yet. */
    private synchronized String freshSuffix() {
        while (true) {
            String suffix = unique();
            boolean taken = units.findByCode("D" + suffix).isPresent() || units.findByCode("S" + suffix).isPresent()
                    || jdbc.sql("select count(*) from enterprise where tax_code = ?").param("03" + suffix + "01")
                    .query(Long.class).single() > 0;
            if (!taken) {
                return suffix;
            }
        }
    }

    /** An EPE with a gate (cameras G1 out, G2 in) and a yard camera Y1, in a sub-department of its own. */
    public record Site(Unit subDepartment, String taxCode) {
    }

    public Site site() {
        String suffix = freshSuffix();
        Unit department = units.create(ADMIN, "D" + suffix, "Cục Hải quan thử " + suffix, UnitKind.DEPARTMENT, null);
        Unit sub = units.create(ADMIN, "S" + suffix, "Chi cục Hải quan KCX thử " + suffix, UnitKind.SUB_DEPARTMENT, department.id());
        return siteIn(sub);
    }

    /** Such an EPE registered now in an existing sub-department. */
    public Site siteIn(Unit sub) {
        String suffix = freshSuffix();
        String taxCode = "03" + suffix + "01";
        enterprises.register(ADMIN, new EnterpriseInput(taxCode, "Công ty TNHH Thử nghiệm " + suffix + " (DNCX)",
                "Lô 1, KCX Tân Thuận", LocalDate.of(2023, 1, 5), LocalDate.of(2022, 12, 20), false, "Nguyễn Thị Hoa",
                "0903 000 111", sub.id()));
        Location gate = diagram.addLocation(ADMIN, taxCode, new LocationInput("Cổng chính", LocationKind.GATE, Set.of()));
        Location yard = diagram.addLocation(ADMIN, taxCode, new LocationInput("Bãi phế liệu", LocationKind.YARD,
                Set.of(io.epewatch.registry.GoodsKind.SCRAP_REFUSE)));
        diagram.addCamera(ADMIN, taxCode, new CameraInput("G1", gate.id(), "rtsp://192.0.2.1/1", null, null, "OUT", CameraSpecs.none()));
        diagram.addCamera(ADMIN, taxCode, new CameraInput("G2", gate.id(), null, null, null, "IN", CameraSpecs.none()));
        diagram.addCamera(ADMIN, taxCode, new CameraInput("Y1", yard.id(), null, null, null, null, CameraSpecs.none()));
        return new Site(sub, taxCode);
    }

    /** A headquarters board under a general department of its own: where HQ analysts work (R6.2). */
    public Unit hqBoard(io.epewatch.identity.Board board) {
        String suffix = unique();
        Unit general = units.create(ADMIN, "GD" + suffix, "Tổng cục " + suffix, UnitKind.GENERAL_DEPARTMENT, null);
        return units.create(ADMIN, "HQ" + suffix, "Cục nghiệp vụ " + suffix, UnitKind.HQ_BOARD, general.id(), board);
    }

    /** An HQ risk analyst, at a risk management board. */
    public String analyst() {
        return user(Role.HQ_ANALYST, hqBoard(io.epewatch.identity.Board.RISK_MANAGEMENT).id(), null);
    }

    public String user(Role role, Long unitId, String enterpriseTaxCode) {
        String username = role.name().toLowerCase().replace('_', '-') + unique();
        accounts.create(username, "Người dùng thử " + username, PASSWORD, Set.of(role), unitId, enterpriseTaxCode);
        return username;
    }

    /** A user who has enrolled TOTP with a known secret; returns the secret so the test can compute codes. */
    public String enrolTotp(String username) {
        String secret = new dev.samstevens.totp.secret.DefaultSecretGenerator(32).generate();
        mfa.enrol(username, secret, TotpCodes.now(secret));
        return secret;
    }

    public String integrationToken(String... scopes) {
        return tokens.create("test-" + unique(), Set.of(scopes), null);
    }

    public String allScopesToken() {
        return integrationToken(ApiTokens.INGEST_DECLARATIONS, ApiTokens.INGEST_GATE_EVENTS, ApiTokens.READ);
    }

    /**
     * Points a camera of the site at a simulated camera (its ONVIF and RTSP addresses, straight into the table: the
     * registry refuses loopback addresses) and hands over its account.
     */
    public void watchedBy(Site site, String number, io.epewatch.simulator.SimulatedCamera camera) {
        jdbc.sql("update camera set onvif_url = ?, stream_url = ? where number = ? and enterprise_id = "
                        + "(select id from enterprise where tax_code = ?)")
                .params(camera.onvifUrl().toString(), camera.rtspUrl() == null ? null : camera.rtspUrl().toString(), number, site.taxCode())
                .update();
        if (camera.spec().username() != null) {
            cameraCredentials.store(ADMIN, site.taxCode(), number, camera.spec().username(), camera.spec().password());
        }
    }

    /**
     * Waits until the events published since the current test began have been handled by their listeners (the risk
     * engine runs asynchronously). Events of earlier tests are theirs: one that an earlier test left failing does not
     * hold this one up. A listener that fails on this test's events fails the wait at once, naming it.
     */
    public void awaitEventsHandled() {
        java.sql.Timestamp since = java.sql.Timestamp.from(EventScope.testStarted());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<String> failed = jdbc.sql("""
                            select listener_id from event_publication
                            where completion_date is null and status = 'FAILED' and publication_date >= ?""")
                    .param(since).query(String.class).list();
            if (!failed.isEmpty()) {
                throw new AssertionError("listeners failed on this test's events: " + failed);
            }
            List<String> unreadable = jdbc.sql("select source_key || ': ' || last_error from risk_fact_queue where attempts > 0")
                    .query(String.class).list();
            if (!unreadable.isEmpty()) {
                throw new AssertionError("the risk engine could not read: " + unreadable);
            }
            long pending = jdbc.sql("select count(*) from event_publication where completion_date is null and publication_date >= ?")
                    .param(since).query(Long.class).single()
                    + jdbc.sql("select count(*) from risk_fact_queue").query(Long.class).single();
            if (pending == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("events still unhandled after 20 s: " + jdbc.sql(
                "select event_type from event_publication where completion_date is null and publication_date >= ?")
                .param(since).query(String.class).list() + ", facts still queued for the risk engine: "
                + jdbc.sql("select source_key from risk_fact_queue limit 20").query(String.class).list());
    }

    /** Marks when each integration test began, so {@link #awaitEventsHandled()} waits for that test's events only. */
    public static final class EventScope implements org.junit.jupiter.api.extension.BeforeEachCallback {

        private static volatile Instant started = Instant.EPOCH;

        @Override
        public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            // a second of slack: an event published as the test began is the test's
            started = Instant.now().minusSeconds(1);
        }

        static Instant testStarted() {
            return started;
        }
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    public static String declarationNumber() {
        return "30" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** A container number as a camera might misread it: {@code ownerAndSerial} (ten characters) with a wrong check digit. */
    public static String misread(String ownerAndSerial) {
        ContainerNumber right = ContainerNumber.withCheckDigit(ownerAndSerial);
        return ownerAndSerial + (right.checkDigit() + 1) % 10;
    }

    public static List<String> list(String... values) {
        return List.of(values);
    }
}
