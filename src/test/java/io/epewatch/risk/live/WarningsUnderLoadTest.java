package io.epewatch.risk.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.epewatch.identity.ApiTokens;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: gate passages posted by many clients at once reach the engine through its queue in groups; none is lost,
 * each is read once, every warning they call for is in the inbox, and the fact log replays to the stored warnings
 * (R4.5) — the order the engine read the facts in is the log's.
 */
@IntegrationTest
class WarningsUnderLoadTest {

    private static final int CLIENTS = 12;
    private static final int PER_CLIENT = 25;

    @Autowired
    Fixtures fixtures;
    @Autowired
    Replay replay;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R4.5 300 passages from 12 clients at once: every warning arrives once, in the inbox, and replay agrees")
    void everyWarningArrivesAndReplayAgrees() throws Exception {
        List<String> sites = List.of(fixtures.site().taxCode(), fixtures.site().taxCode(), fixtures.site().taxCode());
        String token = fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS);
        Map<Long, String> expected = new ConcurrentHashMap<>(); // passage id → the rule it must raise
        Set<Long> stored = ConcurrentHashMap.newKeySet();
        List<String> refused = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    Api api = new Api(port, token);
                    for (int n = 0; n < PER_CLIENT; n++) {
                        Passage passage = passage(sites.get(client % sites.size()), client, n);
                        Api.Response answer = api.postWithKey("/api/v1/gate-events", passage.body(), "load-" + client + "-" + n);
                        if (answer.status() != 201) {
                            synchronized (refused) {
                                refused.add(answer.status() + " " + answer.body());
                            }
                            continue;
                        }
                        long id = answer.json().get("id").asLong();
                        stored.add(id);
                        if (passage.rule() != null) {
                            expected.put(id, passage.rule());
                        }
                        if (n % 5 == 0) { // an edge reader retrying: the same passage, once
                            assertThat(api.postWithKey("/api/v1/gate-events", passage.body(), "load-" + client + "-" + n).status())
                                    .isEqualTo(200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        assertThat(refused).isEmpty();
        assertThat(stored).hasSize(CLIENTS * PER_CLIENT);
        fixtures.awaitEventsHandled();

        // each passage read by the engine exactly once, whatever the retries
        Map<Long, Long> logged = jdbc.sql("select source_key, count(*) from risk_fact where source_key like 'gate:%' group by source_key")
                .query((rs, row) -> Map.entry(Long.parseLong(rs.getString(1).substring(5)), rs.getLong(2))).list().stream()
                .filter(e -> stored.contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(logged.keySet()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(logged.values()).containsOnly(1L);

        // every warning called for, each about its own passage and no other, where an officer reads them
        Api officer = new Api(port, fixtures.integrationToken(ApiTokens.READ));
        Map<Long, String> inInbox = new ConcurrentHashMap<>();
        for (String site : sites) {
            for (JsonNode w : officer.get("/api/v1/warnings?limit=500&enterpriseTaxCode=" + site).json()) {
                boolean judged = Set.of("EXIT_WITHOUT_DECLARATION", "CONTAINER_NUMBER_INVALID").contains(w.get("rule").asString());
                if (judged && w.hasNonNull("gateEventId") && stored.contains(w.get("gateEventId").asLong())) {
                    inInbox.merge(w.get("gateEventId").asLong(), w.get("rule").asString(), (a, b) -> a + "+" + b);
                }
            }
        }
        assertThat(expected).hasSize(CLIENTS * PER_CLIENT * 2 / 5);
        assertThat(inInbox).isEqualTo(expected);

        assertThat(replay.differences()).as("the log replays to the stored warnings").isEmpty();
    }

    @Test
    @DisplayName("A queued fact the engine cannot read is set aside after a few tries; the passages after it raise their warnings")
    void anUnreadableFactDoesNotHoldUpTheOthers() throws InterruptedException {
        String site = fixtures.site().taxCode();
        Api edge = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.READ));
        // as an older version, or a damaged row, would leave it
        jdbc.sql("""
                insert into risk_fact_queue (source_key, type, occurred_at, body)
                values ('test:unreadable', 'NoSuchFact', now(), '{}'::jsonb)""").update();
        try {
            Passage misread = passage(site, 40, 3);
            Api.Response recorded = edge.post("/api/v1/gate-events", misread.body());
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            long id = recorded.json().get("id").asLong();
            Instant deadline = Instant.now().plusSeconds(20);
            while (!warned(edge, site, id)) {
                assertThat(Instant.now()).as("the passage after the unreadable fact raised its warning").isBefore(deadline);
                Thread.sleep(100);
            }
            Map<String, Object> setAside = jdbc.sql("select attempts, last_error from risk_fact_queue where source_key = 'test:unreadable'")
                    .query().singleRow();
            assertThat(setAside.get("attempts")).isEqualTo(FactQueue.ATTEMPTS);
            assertThat((String) setAside.get("last_error")).contains("NoSuchFact");
            assertThat(jdbc.sql("select count(*) from risk_fact where source_key = 'test:unreadable'").query(Long.class).single())
                    .as("nothing of it logged").isZero();
        } finally {
            jdbc.sql("delete from risk_fact_queue where source_key = 'test:unreadable'").update();
        }
    }

    private static boolean warned(Api api, String site, long gateEventId) {
        for (JsonNode w : api.get("/api/v1/warnings?enterpriseTaxCode=" + site).json()) {
            if (w.hasNonNull("gateEventId") && w.get("gateEventId").asLong() == gateEventId) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two in five passages call for a warning of their own: a container leaving that no declaration names, a
     * container number read with a wrong check digit; the rest come in with nothing to say.
     */
    private static Passage passage(String site, int client, int n) {
        String plate = String.format(Locale.ROOT, "%02dC-%03d.%02d", 11 + client, n / 100, n % 100);
        String at = Instant.now().minusSeconds(5).toString();
        String serial = String.format(Locale.ROOT, "%03d%03d", client, n);
        return switch (n % 5) {
            case 1 -> new Passage(Map.of("enterpriseTaxCode", site, "cameraNumber", "G1", "direction", "OUT",
                    "capturedAt", at, "plate", plate,
                    "containerNumbers", List.of(ContainerNumber.withCheckDigit("LOAU" + serial).value())),
                    "EXIT_WITHOUT_DECLARATION");
            case 3 -> new Passage(Map.of("enterpriseTaxCode", site, "cameraNumber", "G2", "direction", "IN",
                    "capturedAt", at, "plate", plate, "containerNumbers", List.of(Fixtures.misread("MISU" + serial))),
                    "CONTAINER_NUMBER_INVALID");
            default -> new Passage(Map.of("enterpriseTaxCode", site, "cameraNumber", "G2", "direction", "IN",
                    "capturedAt", at, "plate", plate), null);
        };
    }

    private record Passage(Map<String, Object> body, String rule) {
    }
}
