package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.support.Api;
import io.epewatch.support.AppProcess;
import io.epewatch.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chaos test of R6.1: a primary and its backup, two JVMs with two embedded databases on loopback, 50 declarants
 * registering all along. The primary is killed with {@code kill -9}; the backup takes over by itself; the primary is
 * started again and takes back what the backup accepted. Each declarant sends to one base URL and switches to the
 * other when refused or unanswered, as enterprises' software switches between VNACCS and Ecus6.
 */
class PairFailoverTest {

    private static final String SECRET = "pair-secret-for-the-failover-test-0123456789";
    private static final int CLIENTS = 50;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** One registration a declarant was answered 200 for: which instance answered, and when. */
    record Acknowledged(String number, String by, Instant at) {
    }

    @Test
    @DisplayName("R6.1 R6.4 kill -9 the primary under load: the backup takes over, hands back, nothing lost or doubled")
    void failoverAndBack() throws Exception {
        Path primaryDir = Files.createTempDirectory("epewatch-primary");
        Path backupDir = Files.createTempDirectory("epewatch-backup");
        String[] common = {"--epewatch.pair.secret=" + SECRET, "--epewatch.pair.lease=1s", "--epewatch.camera.monitor.enabled=false",
                "--epewatch.recognition.watch.enabled=false", "--epewatch.security.mfa-required-roles=HEAD",
                "--epewatch.security.max-failed-sign-ins-per-address=10000", "--logging.level.io.epewatch=INFO"};
        // the primary runs first, fenced while it has no backup to grant its lease, as when a backup is installed later
        int backupPort = AppProcess.freePort();
        String[] primaryArgs = with(common, "--epewatch.pair.peer=http://127.0.0.1:" + backupPort);
        AppProcess primary = AppProcess.start(PairMember.class, primaryDir, "primary", primaryArgs).awaitHealthy(Duration.ofMinutes(3));
        int primaryPort = primary.port();
        assertThat(status(primaryPort).get("state").asString()).isEqualTo("FENCED");
        try (AppProcess backup = AppProcess.start(PairMember.class, backupPort, backupDir, "backup", with(common,
                "--epewatch.pair.role=BACKUP", "--epewatch.pair.watch-window=1500ms", "--epewatch.pair.takeover=AUTOMATIC"))
                .awaitHealthy(Duration.ofMinutes(3))) {
            try {
                awaitState(primaryPort, "ACCEPTING", Duration.ofSeconds(30));
                assertThat(status(backupPort).get("state").asString()).isEqualTo("STANDBY");
                // a backup that stands by refuses, naming its state
                Api onBackup = new Api(backupPort, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
                Api.Response refused = onBackup.post("/api/v1/clearance/declarations", body("probe", 0));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().get("state").asString()).isEqualTo("STANDBY");
                assertThat(refused.json().get("role").asString()).isEqualTo("BACKUP");

                ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong refusals = new AtomicLong();
                Map<Integer, Api> sessions = new ConcurrentHashMap<>();
                Instant killed;
                try (ExecutorService declarants = Executors.newFixedThreadPool(CLIENTS)) {
                    List<Future<?>> load = new ArrayList<>();
                    try {
                        for (int c = 0; c < CLIENTS; c++) {
                            int client = c;
                            load.add(declarants.submit(() -> declare(client, primaryPort, backupPort, sessions, running, acknowledged, refusals)));
                        }
                        Thread.sleep(4_000);
                        killed = Instant.now();
                        primary.kill();
                        awaitState(backupPort, "ACCEPTING", Duration.ofSeconds(30));
                        Thread.sleep(4_000);
                        primary = AppProcess.start(PairMember.class, primaryPort, primaryDir, "primary", primaryArgs)
                                .awaitHealthy(Duration.ofMinutes(3));
                        awaitState(primaryPort, "ACCEPTING", Duration.ofSeconds(60));
                        Thread.sleep(3_000);
                    } finally {
                        running.set(false); // the declarants stop however this ends
                    }
                    for (Future<?> f : load) {
                        f.get();
                    }
                }
                {
                    List<Acknowledged> acks = new ArrayList<>(acknowledged);
                    Instant firstOnBackup = acks.stream().filter(a -> a.by().equals("backup")).map(Acknowledged::at)
                            .min(Instant::compareTo).orElseThrow(() -> new AssertionError("the backup acknowledged nothing"));
                    Duration rto = Duration.between(killed, firstOnBackup);
                    System.out.println("PAIR FAILOVER: acknowledged " + acks.size() + " (backup "
                            + acks.stream().filter(a -> a.by().equals("backup")).count() + "), refusals " + refusals.get()
                            + ", RTO " + rto.toMillis() + " ms");

                    // numbers unique across both series: the backup's carry 9 as their second digit, the primary's never
                    Set<String> numbers = new HashSet<>();
                    for (Acknowledged a : acks) {
                        assertThat(numbers.add(a.number())).as("number %s acknowledged twice", a.number()).isTrue();
                        assertThat(a.number().charAt(1) == '9').as("%s acknowledged by the %s", a.number(), a.by())
                                .isEqualTo(a.by().equals("backup"));
                    }
                    assertThat(acks.stream().filter(a -> a.by().equals("primary") && a.at().isAfter(firstOnBackup))).isNotEmpty();
                    // every acknowledged declaration is on the primary afterwards, registered, once
                    Api reader = new Api(primaryPort, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
                    for (Acknowledged a : acks) {
                        Api.Response r = reader.get("/api/v1/clearance/declarations/" + a.number());
                        assertThat(r.status()).as("%s acknowledged by the %s, on the primary afterwards", a.number(), a.by()).isEqualTo(200);
                        assertThat(r.json().get("declaration").get("lane").isNull()).as("%s registered", a.number()).isFalse();
                    }
                    // never both: no registration on the primary while the backup held the intake, and none on the backup outside it
                    Api admin = new Api(backupPort, null).signIn(PairMember.ADMIN, Fixtures.PASSWORD);
                    List<Instant[]> windows = acceptingWindows(admin);
                    assertThat(windows).hasSize(1);
                    for (Acknowledged a : acks) {
                        JsonNode d = reader.get("/api/v1/clearance/declarations/" + a.number()).json().get("declaration");
                        Instant registered = Instant.parse(d.get("registeredAt").asString());
                        boolean inWindow = !registered.isBefore(windows.getFirst()[0]) && !registered.isAfter(windows.getFirst()[1]);
                        assertThat(inWindow).as("%s registered at %s by the %s; the backup held the intake %s–%s", a.number(),
                                registered, a.by(), windows.getFirst()[0], windows.getFirst()[1]).isEqualTo(a.by().equals("backup"));
                    }
                    assertThat(rto).as("RTO with automatic takeover").isLessThan(Duration.ofSeconds(15));
                    // the backup stands by again, and its declarations are read-only there
                    assertThat(status(backupPort).get("state").asString()).isEqualTo("STANDBY");
                }
            } finally {
                primary.close();
            }
        }
    }

    /** One declarant: file and register, again and again, switching base URL on a refusal or silence. */
    private static Void declare(int client, int primaryPort, int backupPort, Map<Integer, Api> sessions, AtomicBoolean running,
                                ConcurrentLinkedQueue<Acknowledged> acknowledged, AtomicLong refusals) throws InterruptedException {
        int port = primaryPort;
        for (int i = 0; running.get(); i++) {
            String by = port == primaryPort ? "primary" : "backup";
            try {
                Api api = sessions.get(port * 100 + client);
                if (api == null) {
                    api = new Api(port, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
                    sessions.put(port * 100 + client, api);
                }
                Api.Response filed = api.post("/api/v1/clearance/declarations", body("c" + client + "-" + i, client));
                if (filed.status() == 201) {
                    String number = filed.json().get("declaration").get("number").asString();
                    Api.Response registered = api.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
                    if (registered.status() == 200) {
                        acknowledged.add(new Acknowledged(number, by, Instant.now()));
                        continue;
                    }
                    filed = registered;
                }
                if (filed.status() == 401 || filed.status() == 302 || filed.status() == 403) {
                    sessions.remove(port * 100 + client); // a restarted instance forgot the session: sign in again
                    continue;
                }
                if (filed.status() != 503 && filed.status() != 404) {
                    throw new AssertionError(by + " answered " + filed.status() + ": " + filed.body());
                }
            } catch (RuntimeException unanswered) {
                sessions.remove(port * 100 + client);
            }
            refusals.incrementAndGet();
            port = port == primaryPort ? backupPort : primaryPort;
            Thread.sleep(100);
        }
        return null;
    }

    /** The backup's periods of taking declarations, from its audit trail: from each takeover to the next hand-back. */
    private static List<Instant[]> acceptingWindows(Api admin) {
        Api.Response audit = admin.get("/api/v1/audit?action=PAIR_STATE_CHANGED&limit=100");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        audit.json().forEach(records::add);
        records.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
        List<Instant[]> windows = new ArrayList<>();
        Instant from = null;
        for (JsonNode r : records) {
            String mode = JSON.readTree(r.get("details").asString()).get("mode").asString();
            Instant at = Instant.parse(r.get("at").asString());
            if (mode.equals("ACCEPTING")) {
                from = at;
            } else if (mode.equals("HANDING_BACK") && from != null) {
                windows.add(new Instant[] {from, at});
                from = null;
            }
        }
        return windows;
    }

    private static JsonNode status(int port) {
        return new Api(port, null).get("/api/v1/system-status").json();
    }

    private static void awaitState(int port, String state, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = status(port).get("state").asString();
                if (last.equals(state)) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("port " + port + " not " + state + " within " + within + "; last " + last);
    }

    private static Map<String, Object> body(String reference, int client) {
        Map<String, Object> line = new HashMap<>();
        line.put("hsCode", "85423100");
        line.put("description", "Vi mạch tích hợp");
        line.put("quantity", "10");
        line.put("unit", "chiếc");
        line.put("unitPrice", "3.5");
        line.put("origin", "VN");
        Map<String, Object> body = new HashMap<>();
        body.put("direction", "EXPORT");
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", PairMember.TAX_CODE);
        body.put("reference", reference);
        body.put("invoiceNumber", "INV-" + reference);
        body.put("currency", "USD");
        body.put("goods", List.of(line));
        body.put("vehicles", List.of(Map.of("plate", String.format("51C-%03d.%02d", client, Math.abs(reference.hashCode()) % 100))));
        return body;
    }

    private static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
