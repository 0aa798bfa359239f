package io.epewatch.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** HQ analysts' watch list and thresholds reach the engine at once (R4.5, R5.8). */
@IntegrationTest
class RiskSettingsTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    Api analyst;
    Api feeds;

    @BeforeEach
    void setUp() {
        // an analyst of a risk board; any unit will do, the watch list and thresholds are national
        analyst = new Api(port, null).signIn(fixtures.user(Role.HQ_ANALYST, fixtures.site().subDepartment().id(), null),
                Fixtures.PASSWORD);
        feeds = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.INGEST_CARGO, ApiTokens.READ));
    }

    private JsonNode warnings(String taxCode) {
        fixtures.awaitEventsHandled();
        return feeds.get("/api/v1/warnings?enterpriseTaxCode=" + taxCode).json();
    }

    @Test
    @DisplayName("R5.8 a watch-listed plate read with one OCR slip at a gate raises WATCHLIST_HIT")
    void watchListedPlateHits() {
        Fixtures.Site site = fixtures.site();
        String plate = String.format("60C-%03d.%02d", port % 1000, site.taxCode().hashCode() & 63);
        assertThat(analyst.post("/api/v1/risk/watchlist", Map.of("kind", "PLATE", "value", plate,
                "reason", "Cục QLRR: nghi vấn vận chuyển hàng cấm")).status()).isEqualTo(201);
        String misread = plate.replace("60C", "60G"); // C read as G
        feeds.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G2", "direction", "IN",
                "capturedAt", java.time.Instant.now().minusSeconds(20).toString(), "plate", misread));
        assertThat(warnings(site.taxCode())).anySatisfy(w -> {
            assertThat(w.get("rule").asString()).isEqualTo("WATCHLIST_HIT");
            assertThat(w.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(w.at("/evidence/watchlist/0/reason").asString()).contains("hàng cấm");
        });
        assertThat(analyst.delete("/api/v1/risk/watchlist/" + plate).status()).isEqualTo(204);
        assertThat(analyst.get("/api/v1/risk/watchlist").json().valueStream().map(w -> w.get("value").asString()).toList())
                .doesNotContain(plate);
    }

    @Test
    @DisplayName("thresholds set for a sub-department apply to its enterprises only; a wrong name or value is named")
    void subDepartmentThresholds() {
        Fixtures.Site tuned = fixtures.site();
        Fixtures.Site other = fixtures.site();
        Api.Response bad = analyst.put("/api/v1/risk/thresholds/units/" + tuned.subDepartment().id(),
                Map.of("scrapHoursTo", "25:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("scrapHoursTo");
        assertThat(analyst.put("/api/v1/risk/thresholds/units/" + tuned.subDepartment().id(),
                Map.of("noSuchThing", "1")).json().at("/errors/0/field").asString()).isEqualTo("noSuchThing");
        assertThat(analyst.put("/api/v1/risk/thresholds/units/" + tuned.subDepartment().id(),
                Map.of("scrapHoursFrom", "06:00", "scrapHoursTo", "23:00")).status()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/risk/thresholds/enterprises/" + tuned.taxCode()).json()
                .at("/effective/scrapHoursTo").asString()).isEqualTo("23:00");

        // scrap moved at 22:00 yesterday, local time, at both enterprises' scrap yards
        String at = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).atTime(LocalTime.of(22, 0))
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
        for (Fixtures.Site site : List.of(tuned, other)) {
            assertThat(feeds.post("/api/v1/warehouse-notes", Map.of("number", "PX-PL-1", "enterpriseTaxCode", site.taxCode(),
                    "kind", "DELIVERY", "location", "Bãi phế liệu", "at", at)).status()).isEqualTo(201);
        }
        assertThat(warnings(tuned.taxCode())).noneSatisfy(w -> assertThat(w.get("rule").asString()).isEqualTo("OFF_HOURS_MOVEMENT"));
        assertThat(warnings(other.taxCode())).anySatisfy(w -> assertThat(w.get("rule").asString()).isEqualTo("OFF_HOURS_MOVEMENT"));
    }
}
