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
        analyst = new Api(port, null).signIn(fixtures.analyst(),
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

    @Test
    @DisplayName("R5.8 an enterprise registered after its sub-department's thresholds were set is judged by them")
    void enterpriseRegisteredLaterGetsItsUnitsThresholds() {
        Fixtures.Site first = fixtures.site();
        assertThat(analyst.put("/api/v1/risk/thresholds/units/" + first.subDepartment().id(),
                Map.of("scrapHoursTo", "23:00")).status()).isEqualTo(200);
        Fixtures.Site later = fixtures.siteIn(first.subDepartment());
        assertThat(analyst.get("/api/v1/risk/thresholds/enterprises/" + later.taxCode()).json()
                .at("/inherited/scrapHoursTo").asString()).isEqualTo("23:00");

        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        for (LocalTime time : List.of(LocalTime.of(22, 0), LocalTime.of(23, 30))) {
            String at = yesterday.atTime(time).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
            assertThat(feeds.post("/api/v1/warehouse-notes", Map.of("number", "PX-PL-" + time.getHour(),
                    "enterpriseTaxCode", later.taxCode(), "kind", "DELIVERY", "location", "Bãi phế liệu", "at", at))
                    .status()).isEqualTo(201);
        }
        // 22:00 is within the unit's hours, 23:30 is not
        assertThat(warnings(later.taxCode()).valueStream().filter(w -> w.get("rule").asString().equals("OFF_HOURS_MOVEMENT"))
                .map(w -> w.at("/evidence/note/number").asString()).toList()).containsExactly("PX-PL-23");
    }

    @Test
    @DisplayName("thresholds of an unknown sub-department are not found; the inbox filters by rule and severity")
    void unknownUnitAndInboxFilters() {
        assertThat(analyst.get("/api/v1/risk/thresholds/units/999999999").status()).isEqualTo(404);
        Api.Response badRule = feeds.get("/api/v1/warnings?rule=NO_SUCH_RULE");
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.json().at("/errors/0/field").asString()).isEqualTo("rule");

        Fixtures.Site site = fixtures.site();
        String at = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).atTime(LocalTime.of(3, 0))
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
        feeds.post("/api/v1/warehouse-notes", Map.of("number", "PX-3", "enterpriseTaxCode", site.taxCode(), "kind", "DELIVERY",
                "location", "Bãi phế liệu", "at", at));
        feeds.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", java.time.Instant.now().minusSeconds(30).toString(), "containerNumbers", List.of("MSKU4670692")));
        JsonNode all = warnings(site.taxCode());
        assertThat(all.valueStream().map(w -> w.get("rule").asString()).toList())
                .contains("OFF_HOURS_MOVEMENT", "CONTAINER_NUMBER_INVALID");
        String base = "/api/v1/warnings?enterpriseTaxCode=" + site.taxCode();
        assertThat(feeds.get(base + "&rule=OFF_HOURS_MOVEMENT").json().valueStream()
                .map(w -> w.get("rule").asString()).toList()).containsExactly("OFF_HOURS_MOVEMENT");
        // both are MEDIUM: at least MEDIUM keeps them, at least HIGH leaves none of them
        assertThat(feeds.get(base + "&severity=MEDIUM").json().valueStream().map(w -> w.get("rule").asString()).toList())
                .contains("OFF_HOURS_MOVEMENT", "CONTAINER_NUMBER_INVALID");
        assertThat(feeds.get(base + "&severity=HIGH").json().valueStream().map(w -> w.get("rule").asString()).toList())
                .doesNotContain("OFF_HOURS_MOVEMENT", "CONTAINER_NUMBER_INVALID");
    }
}
