package io.epewatch.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.ApiTokens;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Manifests, warehouse notes and port confirmations come in idempotently, by JSON or CSV, and reach the rules (R4.4). */
@IntegrationTest
class CargoIngestTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    io.epewatch.risk.RiskSettings riskSettings;
    @LocalServerPort
    int port;

    Api api;
    Fixtures.Site site;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        api = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_CARGO, ApiTokens.INGEST_DECLARATIONS,
                ApiTokens.INGEST_GATE_EVENTS, ApiTokens.READ));
        // the notes here move scrap "ten minutes ago": declared hours round the clock keep OFF_HOURS_MOVEMENT out of
        // these tests whatever the time of day they run (that rule has its own scenarios)
        riskSettings.setOverrides(Fixtures.ADMIN, "enterprise:" + site.taxCode(),
                Map.of("scrapHoursFrom", "00:00", "scrapHoursTo", "23:59:59"));
    }

    private Map<String, Object> manifest(String number, String... containers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("mode", "sea");
        body.put("transportName", "WAN HAI 263");
        body.put("voyage", "N128");
        body.put("portOfLoading", "VNCLI");
        body.put("portOfDischarge", "JPTYO");
        body.put("at", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of(containers))));
        return body;
    }

    private Map<String, Object> note(String number, String kind, String... containers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("kind", kind);
        body.put("location", "bãi phế liệu");
        body.put("at", Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("plate", "51C-123.45");
        body.put("containerNumbers", List.of(containers));
        body.put("goods", List.of(Map.of("description", "Phế liệu nhựa PP dạng vụn", "quantity", "1200", "unit", "KGM")));
        return body;
    }

    private JsonNode warnings() {
        fixtures.awaitEventsHandled();
        return api.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json();
    }

    @Test
    @DisplayName("a manifest is created once, a repeat changes nothing, changed content is version 2")
    void manifestIsIdempotentAndVersioned() {
        String number = "MF" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = manifest(number, "MSKU4670691");
        assertThat(api.post("/api/v1/manifests", body).status()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/manifests", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("UNCHANGED");
        Api.Response changed = api.post("/api/v1/manifests", manifest(number, "TEMU2709541"));
        assertThat(changed.json().get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(changed.json().at("/document/version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/manifests/" + number).json().at("/vehicles/0/containerNumbers/0").asString())
                .isEqualTo("TEMU2709541");
    }

    @Test
    @DisplayName("R4.5 a manifest listing a container that fails ISO 6346 is kept and warned about")
    void invalidManifestContainerWarns() {
        String number = "MF" + System.nanoTime() % 1_000_000;
        assertThat(api.post("/api/v1/manifests", manifest(number, "MSKU4670692")).status()).isEqualTo(201);
        assertThat(warnings()).anySatisfy(w -> {
            assertThat(w.get("rule").asString()).isEqualTo("CONTAINER_NUMBER_INVALID");
            assertThat(w.get("key").asString()).isEqualTo("CONTAINER_NUMBER_INVALID|manifest:" + number);
        });
    }

    @Test
    @DisplayName("R4.4 a loaded truck leaving with no delivery note warns; the note entered later resolves it")
    void exitWithoutNoteThenNote() {
        api.post("/api/v1/warehouse-notes", note("PN-" + System.nanoTime() % 100000, "RECEIPT", "CSQU3054383"));
        api.post("/api/v1/declarations", Map.of("number", Fixtures.declarationNumber(), "typeCode", "E52",
                "enterpriseTaxCode", site.taxCode(), "direction", "EXPORT", "registeredAt",
                Instant.now().minus(2, ChronoUnit.HOURS).toString(), "status", "CLEARED", "containerNumbers", List.of("MSKU4670691")));
        api.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(30).toString(), "plate", "51C-123.45",
                "containerNumbers", List.of("MSKU4670691")));
        assertThat(warnings()).singleElement().satisfies(w -> {
            assertThat(w.get("rule").asString()).isEqualTo("GATE_EXIT_WITHOUT_DELIVERY_NOTE");
            assertThat(w.get("explanationVi").asString()).contains("không có phiếu xuất kho");
        });
        assertThat(api.post("/api/v1/warehouse-notes", note("PX-" + System.nanoTime() % 100000, "DELIVERY", "MSKU4670691"))
                .status()).isEqualTo(201);
        assertThat(warnings()).singleElement().satisfies(w -> {
            assertThat(w.get("status").asString()).isEqualTo("RESOLVED_BY_DATA");
            assertThat(w.get("statusReason").asString()).contains("Delivery note PX-");
        });
    }

    @Test
    @DisplayName("a note must name a storage location of the site diagram; each bad field is named")
    void badNoteIsRefusedWithEveryField() {
        Map<String, Object> body = note("PX-1", "SHIPPED", "MSKU4670692");
        body.put("location", "Cổng chính");
        body.put("at", "hôm qua");
        body.put("plate", "biển số giả");
        long before = fixtures.count("cargo_document");
        Api.Response response = api.post("/api/v1/warehouse-notes", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("kind", "location", "at", "plate", "containerNumbers[0]");
        assertThat(fixtures.count("cargo_document")).isEqualTo(before);
    }

    @Test
    @DisplayName("CSV import takes good rows, names the bad ones by row and field, and repeats change nothing")
    void csvImportReportsPerRow() {
        String at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        String csv = "Number;Enterprise Tax Code;Kind;Location;At;Plate;Container Numbers\r\n"
                + "PN-CSV-1;" + site.taxCode() + ";RECEIPT;Bãi phế liệu;" + at + ";51C-123.45;MSKU4670691|TEMU2709541\r\n"
                + "PN-CSV-2;" + site.taxCode() + ";DELIVERY;\"Bãi phế liệu\";" + at + ";;\r\n"
                + "PN-CSV-3;" + site.taxCode() + ";LOST;Kho ma;" + at + ";;MSKU4670692\r\n";
        JsonNode report = api.postTyped("/api/v1/warehouse-notes/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = report.get("rows").get(2);
        assertThat(bad.get("row").asInt()).isEqualTo(4);
        assertThat(bad.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("kind", "location", "containerNumbers[0]");
        JsonNode again = api.postTyped("/api/v1/warehouse-notes/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/warehouse-notes/" + site.taxCode() + "/PN-CSV-1").json().get("containerNumbers").size())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("a CSV file not in UTF-8 is refused, not garbled")
    void csvInAnotherEncodingIsRefused() {
        String csv = "number,enterpriseTaxCode,kind,location,at\nPN-9," + site.taxCode() + ",RECEIPT,Bãi phế liệu,2026-11-23T08:00:00+07:00\n";
        Api.Response response = api.postTyped("/api/v1/warehouse-notes/import", "text/csv", csv.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("body");
    }

    @Test
    @DisplayName("a port confirmation never changes: its id again with other content is refused")
    void confirmationIsImmutable() {
        String id = "CL" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", id, "enterpriseTaxCode", site.taxCode(),
                "place", "PORT-CAT-LAI", "direction", "IN", "at", Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString(),
                "plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691")));
        assertThat(api.post("/api/v1/area-confirmations", body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/area-confirmations", body).json().get("outcome").asString()).isEqualTo("UNCHANGED");
        body.put("containerNumbers", List.of("TEMU2709541"));
        Api.Response changed = api.post("/api/v1/area-confirmations", body);
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.json().at("/errors/0/field").asString()).isEqualTo("id");
    }
}
