package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bad input is refused with problem+json naming each field and why, and leaves nothing stored. */
@IntegrationTest
class BadInputTest {

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

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("implausible times (year 0001, year +999999999) are refused naming the field, and nothing is stored")
    void implausibleTimesAreRefused() {
        long before = fixtures.count("gate_event");
        Api.Response ancient = api.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", "0001-01-01T00:00:00Z", "plate", "51C-123.45"));
        assertThat(fields(ancient)).containsExactly("capturedAt");
        assertThat(ancient.json().at("/errors/0/reason").asString()).contains("plausible range 2000-01-01 to 2099-12-31");
        assertThat(fields(api.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", "-999999999-01-01T00:00:00Z", "plate", "51C-123.45")))).containsExactly("capturedAt");
        Map<String, Object> transit = new LinkedHashMap<>(Map.of("number", Fixtures.declarationNumber(), "typeCode", "E42",
                "enterpriseTaxCode", site.taxCode(), "direction", "EXPORT", "registeredAt", Instant.now().minusSeconds(60).toString(),
                "status", "CLEARED", "lane", "GREEN"));
        transit.put("transit", Map.of("origin", "A", "destination", "B", "deadline", "+999999999-12-31T23:59:59Z"));
        assertThat(fields(api.post("/api/v1/declarations", transit))).contains("transit.deadline");
        assertThat(fixtures.count("gate_event")).isEqualTo(before);
    }

    @Test
    void malformedJsonNamesTheBody() {
        long before = fixtures.count("gate_event");
        assertThat(fields(api.post("/api/v1/gate-events", "{\"enterpriseTaxCode\": \"" + site.taxCode() + "\","))).containsExactly("body");
        assertThat(fixtures.count("gate_event")).isEqualTo(before);
    }

    @Test
    void everyBadGateEventFieldIsNamedAtOnce() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("cameraNumber", "Y1");
        body.put("direction", "SIDEWAYS");
        body.put("capturedAt", "23/11/2026 08:00");
        body.put("plate", "không phải biển số");
        body.put("containerNumbers", List.of("MSKU12"));
        assertThat(fields(api.post("/api/v1/gate-events", body)))
                .containsExactlyInAnyOrder("cameraNumber", "direction", "capturedAt", "plate", "containerNumbers[0]");
    }

    @Test
    void aWrongTypeNamesItsField() {
        assertThat(fields(api.post("/api/v1/declarations", "{\"number\": \"305512340010\", \"containerNumbers\": \"MSKU4670691\"}")))
                .containsExactly("containerNumbers");
    }

    @Test
    void aDeclarationStatesItsNumbersSoACheckDigitFailureIsRefused() {
        long before = fixtures.count("declaration");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", "3055");
        body.put("typeCode", "E52");
        body.put("enterpriseTaxCode", "0999999999");
        body.put("direction", "EXPORT");
        body.put("registeredAt", Instant.now().plusSeconds(86_400).toString());
        body.put("status", "CLEARED");
        body.put("lane", "PURPLE");
        body.put("vehiclePlates", List.of("51C-123.45", "???"));
        body.put("containerNumbers", List.of("CSQU3054384"));
        Api.Response response = api.post("/api/v1/declarations", body);
        assertThat(fields(response)).containsExactlyInAnyOrder("number", "enterpriseTaxCode", "registeredAt", "lane",
                "vehiclePlates[1]", "containerNumbers[0]");
        JsonNode container = response.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals("containerNumbers[0]")).findFirst().orElseThrow();
        assertThat(container.get("reason").asString()).contains("check digit");
        assertThat(fixtures.count("declaration")).isEqualTo(before);
    }

    @Test
    void vietnameseTextSurvivesTheRoundTrip() {
        JsonNode enterprise = api.get("/api/v1/enterprises/" + site.taxCode()).json();
        assertThat(enterprise.get("name").asString()).startsWith("Công ty TNHH Thử nghiệm");
        assertThat(api.get("/api/v1/enterprises/" + site.taxCode() + "/cameras").json().get(0).get("location").asString())
                .isEqualTo("Cổng chính");
    }

    @Test
    void aBodyInTheWrongEncodingIsRefused() {
        // Latin-1 bytes for "Bãi" (0xE3 before an ASCII i) are not UTF-8; the JSON parser must refuse them, not store mojibake
        byte[] latin1 = ("{\"enterpriseTaxCode\":\"" + site.taxCode() + "\",\"cameraNumber\":\"Bãi\"}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.Response response = api.postBytes("/api/v1/gate-events", latin1);
        assertThat(fields(response)).containsExactly("body");
        assertThat(response.json().at("/errors/0/reason").asString()).contains("UTF-8");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithProblem413() {
        String padding = "x".repeat(1_100_000);
        Api.Response response = api.post("/api/v1/declarations", "{\"status\":\"" + padding + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aHugeBodyIsRefusedWithoutStoringAnything() {
        long before = fixtures.count("gate_event");
        String containers = String.join(",", java.util.Collections.nCopies(50_000, "\"MSKU4670691\""));
        Api.Response response = api.post("/api/v1/gate-events", "{\"enterpriseTaxCode\":\"" + site.taxCode()
                + "\",\"cameraNumber\":\"G1\",\"direction\":\"OUT\",\"capturedAt\":\"" + Instant.now() + "\",\"containerNumbers\":[" + containers + "]}");
        assertThat(fields(response)).containsExactly("containerNumbers");
        assertThat(fixtures.count("gate_event")).isEqualTo(before);
    }
}
