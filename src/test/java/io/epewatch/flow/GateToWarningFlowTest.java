package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The first end-to-end path: registry → gate event → declaration match → warning (R4.4, R4.5). */
@IntegrationTest
class GateToWarningFlowTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    Api api;
    Fixtures.Site site;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        api = new Api(port, fixtures.allScopesToken());
    }

    private Map<String, Object> declaration(String number, String... containers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("typeCode", "E52");
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("direction", "EXPORT");
        body.put("registeredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("status", "CLEARED");
        body.put("lane", "GREEN");
        body.put("vehiclePlates", List.of("51C-123.45"));
        body.put("containerNumbers", List.of(containers));
        return body;
    }

    private Map<String, Object> exit(String plate, String... containers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("cameraNumber", "G1");
        body.put("direction", "OUT");
        body.put("capturedAt", Instant.now().minusSeconds(30).toString());
        body.put("plate", plate);
        body.put("containerNumbers", List.of(containers));
        return body;
    }

    private JsonNode warnings() {
        fixtures.awaitEventsHandled();
        return api.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json();
    }

    @Test
    @DisplayName("R4.5 a declared container leaving raises no warning")
    void declaredExitRaisesNothing() {
        assertThat(api.post("/api/v1/declarations", declaration(Fixtures.declarationNumber(), "MSKU4670691")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/gate-events", exit("51C-123.45", "MSKU4670691")).status()).isEqualTo(201);
        assertThat(warnings()).isEmpty();
    }

    @Test
    @DisplayName("R4.5 an unknown container leaving raises exactly one EXIT_WITHOUT_DECLARATION")
    void unknownContainerRaisesExactlyOneWarning() {
        api.post("/api/v1/declarations", declaration(Fixtures.declarationNumber(), "MSKU4670691"));
        Api.Response posted = api.post("/api/v1/gate-events", exit("51C-123.45", "TEMU2709541"));
        assertThat(posted.status()).isEqualTo(201);
        JsonNode warnings = warnings();
        assertThat(warnings).hasSize(1);
        JsonNode warning = warnings.get(0);
        assertThat(warning.get("rule").asString()).isEqualTo("EXIT_WITHOUT_DECLARATION");
        assertThat(warning.get("status").asString()).isEqualTo("OPEN");
        assertThat(warning.get("gateEventId").asLong()).isEqualTo(posted.json().get("id").asLong());
        assertThat(warning.at("/evidence/undeclaredContainers/0").asString()).isEqualTo("TEMU2709541");
        assertThat(api.get("/api/v1/warnings/" + warning.get("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R4.5 the inbox's live stream tells the officers of the enterprise's unit of a warning once it is stored, and no one else")
    void liveStreamCarriesCommittedWarnings() throws InterruptedException {
        Api officer = new Api(port, null).signIn(fixtures.user(io.epewatch.identity.Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(io.epewatch.identity.Role.OFFICER, elsewhere.subDepartment().id(), null), Fixtures.PASSWORD);
        var mine = officer.stream("/warnings/stream");
        var theirs = stranger.stream("/warnings/stream");
        assertThat(mine.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ready");
        assertThat(theirs.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ready");

        assertThat(api.post("/api/v1/gate-events", exit("51C-123.45", "TEMU2709541")).status()).isEqualTo(201);
        String told = mine.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(told).as("the officer hears of the warning").isNotNull().endsWith(" EXIT_WITHOUT_DECLARATION");
        long id = Long.parseLong(told.split(" ")[0]);
        assertThat(officer.get("/api/v1/warnings/" + id).status()).as("what the stream names is already stored").isEqualTo(200);
        assertThat(theirs.poll(2, java.util.concurrent.TimeUnit.SECONDS)).as("another unit's officer hears nothing").isNull();
    }

    @Test
    @DisplayName("R4.5 a container failing the ISO 6346 check digit is stored as read and raises CONTAINER_NUMBER_INVALID")
    void invalidContainerRaisesWarning() {
        Api.Response posted = api.post("/api/v1/gate-events", exit("51C-123.45", "CSQU3054384"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().at("/containers/0/number").asString()).isEqualTo("CSQU3054384");
        assertThat(posted.json().at("/containers/0/valid").asBoolean()).isFalse();
        assertThat(warnings()).extracting(w -> w.get("rule").asString()).contains("CONTAINER_NUMBER_INVALID");
    }

    @Test
    @DisplayName("R4.5 a declaration arriving after the exit resolves the warning by data and keeps it")
    void laterDeclarationResolvesByData() {
        api.post("/api/v1/gate-events", exit("51C-123.45", "FCIU5977394"));
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w.get("status").asString()).isEqualTo("OPEN"));
        String number = Fixtures.declarationNumber();
        api.post("/api/v1/declarations", declaration(number, "FCIU5977394"));
        JsonNode after = warnings();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("status").asString()).isEqualTo("RESOLVED_BY_DATA");
        assertThat(after.get(0).get("statusReason").asString()).contains(number);
        assertThat(api.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode() + "&status=OPEN").json()).isEmpty();
    }

    @Test
    @DisplayName("a vehicle without a container is matched by its plate, in any written form")
    void plateOnlyExitMatchesDeclaredPlate() {
        api.post("/api/v1/declarations", declaration(Fixtures.declarationNumber()));
        assertThat(api.post("/api/v1/gate-events", exit("51c 12345")).status()).isEqualTo(201);
        assertThat(warnings()).isEmpty();
        api.post("/api/v1/gate-events", exit("29H-555.01"));
        assertThat(warnings()).singleElement()
                .satisfies(w -> assertThat(w.at("/evidence/undeclaredPlate").asString()).isEqualTo("29H-555.01"));
    }

    @Test
    @DisplayName("a repeated Idempotency-Key returns the first result and stores nothing twice")
    void idempotencyKeyStoresOnce() {
        long before = fixtures.count("gate_event");
        Map<String, Object> body = exit("51C-123.45", "DFSU6889054");
        Api.Response first = api.postWithKey("/api/v1/gate-events", body, "edge-7-000123");
        Api.Response again = api.postWithKey("/api/v1/gate-events", body, "edge-7-000123");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(fixtures.count("gate_event")).isEqualTo(before + 1);
        assertThat(warnings()).hasSize(1);

        Map<String, Object> other = exit("51C-999.99", "DFSU6889054");
        Api.Response conflict = api.postWithKey("/api/v1/gate-events", other, "edge-7-000123");
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(fixtures.count("gate_event")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("the same Idempotency-Key sent by many retries at once stores one passage")
    void concurrentRetriesStoreOnce() throws Exception {
        long before = fixtures.count("gate_event");
        Map<String, Object> body = exit("51C-123.45", "TEMU2709541");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var calls = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> api.postWithKey("/api/v1/gate-events", body, "edge-9-race")))
                    .toList();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var call : calls) {
                Api.Response response = call.get();
                assertThat(response.status()).isIn(200, 201);
                ids.add(response.json().get("id").asLong());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(fixtures.count("gate_event")).isEqualTo(before + 1);
        assertThat(warnings()).hasSize(1);
    }

    @Test
    @DisplayName("re-posting a declaration updates it to a new version and never duplicates it")
    void repostedDeclarationIsANewVersion() {
        String number = Fixtures.declarationNumber();
        Map<String, Object> body = declaration(number, "MSKU4670691");
        assertThat(api.post("/api/v1/declarations", body).json().get("outcome").asString()).isEqualTo("CREATED");
        assertThat(api.post("/api/v1/declarations", body).json().get("outcome").asString()).isEqualTo("UNCHANGED");
        body.put("lane", "RED");
        Api.Response updated = api.post("/api/v1/declarations", body);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/declaration/version").asInt()).isEqualTo(2);
        JsonNode stored = api.get("/api/v1/declarations/" + number).json();
        assertThat(stored.get("lane").asString()).isEqualTo("RED");
        assertThat(stored.get("version").asInt()).isEqualTo(2);
    }
}
