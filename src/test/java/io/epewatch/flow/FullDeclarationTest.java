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

/** A declaration in full: goods lines, vehicles with their containers, seals, transit route (R5.7). */
@IntegrationTest
class FullDeclarationTest {

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

    private Map<String, Object> transit(String number, Instant registered) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("direction", "EXPORT");
        body.put("registeredAt", registered.toString());
        body.put("status", "CLEARED");
        body.put("lane", "YELLOW");
        body.put("clearedAt", registered.plus(2, ChronoUnit.HOURS).toString());
        body.put("goods", List.of(Map.of("hsCode", "8542.3100", "description", "Vi mạch tích hợp điện tử",
                "quantity", "12000", "unit", "PCE", "netWeightKg", "350.50", "grossWeightKg", 412)));
        body.put("vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))));
        body.put("seals", List.of(Map.of("containerNumber", "MSKU4670691", "sealNumber", "vn-hq-0012345")));
        body.put("transit", Map.of("origin", "epe-linh-trung", "destination", "PORT-CAT-LAI",
                "deadline", registered.plus(1, ChronoUnit.DAYS).toString(), "route", "QL1A – Xa lộ Hà Nội"));
        return body;
    }

    @Test
    @DisplayName("R5.7 a transit declaration keeps its goods, vehicles, seals and route, and a re-post changes nothing")
    void fullDeclarationRoundTrips() {
        String number = Fixtures.declarationNumber();
        Map<String, Object> body = transit(number, Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        assertThat(api.post("/api/v1/declarations", body).status()).isEqualTo(201);
        JsonNode stored = api.get("/api/v1/declarations/" + number).json();
        assertThat(stored.at("/goods/0/hsCode").asString()).isEqualTo("85423100");
        assertThat(stored.at("/goods/0/description").asString()).isEqualTo("Vi mạch tích hợp điện tử");
        assertThat(stored.at("/goods/0/netWeightKg").decimalValue()).isEqualByComparingTo("350.5");
        assertThat(stored.at("/vehicles/0/containerNumbers/0").asString()).isEqualTo("MSKU4670691");
        assertThat(stored.at("/seals/0/sealNumber").asString()).isEqualTo("VN-HQ-0012345");
        assertThat(stored.at("/transit/origin").asString()).isEqualTo("EPE-LINH-TRUNG");
        Api.Response again = api.post("/api/v1/declarations", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("UNCHANGED");
    }

    @Test
    @DisplayName("R5.7 the vehicle the transit declaration names may leave with its container: no exit warning")
    void transitCoversTheExit() {
        Instant registered = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/v1/declarations", transit(Fixtures.declarationNumber(), registered)).status()).isEqualTo(201);
        api.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", Instant.now().minusSeconds(20).toString(), "plate", "51C-123.45",
                "containerNumbers", List.of("MSKU4670691")));
        fixtures.awaitEventsHandled();
        assertThat(api.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json()).isEmpty();
    }

    @Test
    @DisplayName("every bad detail is named: HS code, quantity, weights, seal, transit deadline and origin")
    void badDetailsAreNamed() {
        Instant registered = Instant.now().minus(3, ChronoUnit.HOURS);
        Map<String, Object> body = transit(Fixtures.declarationNumber(), registered);
        body.put("goods", List.of(Map.of("hsCode", "8542", "description", "x", "quantity", "-3", "unit", "PCE",
                "netWeightKg", "500", "grossWeightKg", "400")));
        body.put("seals", List.of(Map.of("containerNumber", "MSKU4670692", "sealNumber", "!")));
        body.put("transit", Map.of("origin", "PORT-CAT-LAI", "destination", "port-cat-lai",
                "deadline", registered.minusSeconds(60).toString()));
        body.put("clearedAt", registered.minusSeconds(60).toString());
        long before = fixtures.count("declaration");
        Api.Response response = api.post("/api/v1/declarations", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("clearedAt", "goods[0].hsCode", "goods[0].quantity", "goods[0].netWeightKg",
                        "seals[0].containerNumber", "seals[0].sealNumber", "transit.deadline", "transit.destination");
        assertThat(fixtures.count("declaration")).isEqualTo(before);
    }
}
