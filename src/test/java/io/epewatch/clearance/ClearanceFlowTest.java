package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Caller;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A declaration from the declarant's filing to clearance in each lane, over the API as each role uses it
 * (Decree 87/2012; R5.1–R5.6). Random shares are set to 0 here so that only criteria decide the lane: HS 6109 is
 * sent to yellow by a criterion of this test, HS 9303 (weapons) to red by the default criteria.
 */
@IntegrationTest
class ClearanceFlowTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Selectivity selectivity;
    @Autowired
    Dossiers dossiers;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    String declarantName;
    Api declarant;
    Api officer;
    Api head;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        declarantName = fixtures.user(Role.DECLARANT, null, site.taxCode());
        declarant = new Api(port, null).signIn(declarantName, Fixtures.PASSWORD);
        officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        head = new Api(port, null).signIn(headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
        selectivity.setShares(Fixtures.ADMIN, "0", "0");
        if (selectivity.criteria().stream().noneMatch(c -> c.parameter().equals("6109"))) {
            selectivity.save(Fixtures.ADMIN, null, new Selectivity.CriterionInput("HS_CODE", "6109", "YELLOW", "test: T-shirts", true));
        }
        for (String[] good : new String[][] {{"85423100", "chiếc", "Vi mạch tích hợp"}, {"61091010", "chiếc", "Áo phông cotton"},
                {"93032000", "khẩu", "Súng thể thao"}}) {
            assertThat(officer.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods",
                    Map.of("hsCode", good[0], "unit", good[1], "description", good[2], "quantity", "1000000")).status()).isEqualTo(200);
        }
    }

    @AfterEach
    void restoreShares() {
        selectivity.setShares(Fixtures.ADMIN, "0.25", "0.02");
    }

    private Map<String, Object> export(String hs, String quantity, String container) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("hsCode", hs);
        line.put("description", "Hàng xuất khẩu — lô thử");
        line.put("quantity", quantity);
        line.put("unit", hs.startsWith("9303") ? "khẩu" : "chiếc");
        line.put("unitPrice", "2.5");
        line.put("origin", "VN");
        line.put("grossWeightKg", "1200");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "EXPORT");
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("invoiceNumber", "INV-2026-001");
        body.put("currency", "USD");
        body.put("goods", List.of(line));
        body.put("vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of(container))));
        return body;
    }

    private JsonNode fileAndRegister(Map<String, Object> body) {
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("declaration").get("number").asString();
        Api.Response registered = declarant.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("declaration");
    }

    private static List<String> steps(Api.Response status) {
        return status.json().get("steps").valueStream().map(s -> s.get("step").asString()).toList();
    }

    @Test
    @DisplayName("R5.5 green: number and computed values at IDA, lane at IDC, cleared once the fee is paid, then the area passage")
    void greenLane() {
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", export("85423100", "400", "MSKU4670691"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode d = filed.json().get("declaration");
        String number = d.get("number").asString();
        assertThat(number).as("12 digits, 3 first for an export").matches("3\\d{11}");
        assertThat(d.get("state").asString()).isEqualTo("PROVISIONAL");
        assertThat(d.get("assessment").get("totalValueVnd").decimalValue()).isEqualByComparingTo("25400000");
        assertThat(d.get("assessment").get("feeVnd").decimalValue()).isEqualByComparingTo("20000");
        assertThat(officer.get("/api/v1/declarations/" + number).status()).as("not registered: unknown to the gate").isEqualTo(404);

        Api.Response answer = declarant.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
        JsonNode registered = answer.json().get("declaration");
        assertThat(registered.get("lane").asString()).isEqualTo("GREEN");
        assertThat(registered.get("state").asString()).isEqualTo("FEES_DUE");
        assertThat(registered.get("laneDecision").isNull()).as("why the lane fell so is customs' targeting").isTrue();
        assertThat(answer.body()).doesNotContain("draw").doesNotContain("COMPLIANCE");
        assertThat(officer.get("/api/v1/clearance/declarations/" + number).json().get("declaration")
                .get("laneDecision").has("draw")).as("customs sees the decision and the draw").isTrue();
        assertThat(registered.get("dueAt").isNull()).isTrue();

        Api.Response cleared = officer.post("/api/v1/clearance/declarations/" + number + "/fees", Map.of());
        assertThat(cleared.json().get("declaration").get("state").asString()).isEqualTo("CLEARED");
        JsonNode known = officer.get("/api/v1/declarations/" + number).json();
        assertThat(known.get("lane").asString()).isEqualTo("GREEN");
        assertThat(known.get("status").asString()).isEqualTo("CLEARED");
        assertThat(known.get("clearedAt").isNull()).isFalse();
        assertThat(known.get("vehicles").get(0).get("containerNumbers").get(0).asString()).isEqualTo("MSKU4670691");

        Api.Response passed = officer.post("/api/v1/clearance/declarations/" + number + "/area-passage", Map.of("place", "Cảng Cát Lái"));
        assertThat(passed.json().get("declaration").get("state").asString()).isEqualTo("PASSED");
        assertThat(steps(declarant.get("/api/v1/clearance/declarations/" + number)))
                .containsExactly("FILED", "REGISTERED", "FEES_PAID", "CLEARED", "PASSED_AREA");

        Api analyst = new Api(port, null).signIn(fixtures.analyst(), Fixtures.PASSWORD);
        JsonNode preview = analyst.post("/api/v1/clearance/selectivity/preview",
                Map.of("kind", "HS_CODE", "parameter", "8542", "lane", "RED")).json();
        assertThat(preview.get("changed").asInt()).as("this green microchip declaration would have gone red").isPositive();
        assertThat(preview.get("proposed").get("RED").asInt()).isGreaterThan(preview.get("actual").path("RED").asInt(0));
        assertThat(selectivity.criteria()).as("a preview saves nothing").noneMatch(c -> c.parameter().equals("8542"));
    }

    @Test
    @DisplayName("R5.6 yellow: due within working hours, an officer accepts the documents, the fee clears it")
    void yellowLane() {
        JsonNode registered = fileAndRegister(export("61091010", "100", "MSKU4670691"));
        String number = registered.get("number").asString();
        assertThat(registered.get("lane").asString()).isEqualTo("YELLOW");
        assertThat(registered.get("state").asString()).isEqualTo("DOCUMENT_CHECK");
        assertThat(registered.get("dueAt").isNull()).isFalse();
        assertThat(officer.get("/api/v1/clearance/declarations/" + number).json().get("declaration").get("laneDecision")
                .get("fired").get(0).get("observed").asString()).isEqualTo("HS 61091010");
        assertThat(officer.get("/api/v1/clearance/worklist?lane=YELLOW").json().valueStream()
                .map(w -> w.get("number").asString())).contains(number);
        assertThat(declarant.post("/api/v1/clearance/declarations/" + number + "/document-check", Map.of("accepted", true)).status())
                .as("a declarant does not check their own documents").isEqualTo(403);

        Api.Response checked = officer.post("/api/v1/clearance/declarations/" + number + "/document-check", Map.of("accepted", true));
        assertThat(checked.json().get("declaration").get("state").asString()).isEqualTo("FEES_DUE");
        assertThat(officer.post("/api/v1/clearance/declarations/" + number + "/fees", Map.of()).json()
                .get("declaration").get("state").asString()).isEqualTo("CLEARED");
    }

    @Test
    @DisplayName("R5.6 red: the head sets form and level, the officer records findings and seals, the goods are released and cleared")
    void redLane() {
        JsonNode registered = fileAndRegister(export("93032000", "10", "MSKU4670691"));
        String number = registered.get("number").asString();
        assertThat(registered.get("lane").asString()).isEqualTo("RED");
        assertThat(registered.get("state").asString()).isEqualTo("INSPECTION_ORDER");
        String path = "/api/v1/clearance/declarations/" + number;
        assertThat(officer.post(path + "/inspection-order", Map.of("form", "MANUAL", "level", "10")).status())
                .as("only the head orders the inspection").isEqualTo(403);
        Api.Response badOrder = head.post(path + "/inspection-order", Map.of("form", "BY_HAND", "level", "150"));
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(badOrder.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("form", "level");
        assertThat(head.post(path + "/inspection-order", Map.of("form", "SCANNER_AND_MANUAL", "level", "100")).json()
                .get("declaration").get("state").asString()).isEqualTo("INSPECTION");

        Api.Response inspected = officer.post(path + "/inspection-result", Map.of("asDeclared", true,
                "findings", "Đúng tên hàng, số lượng 10 khẩu; niêm phong lại",
                "seals", List.of(Map.of("containerNumber", "MSKU4670691", "sealNumber", "VN-HQ-000123"))));
        assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
        assertThat(inspected.json().get("declaration").get("state").asString()).isEqualTo("FEES_DUE");
        JsonNode known = officer.get("/api/v1/declarations/" + number).json();
        assertThat(known.get("inspectedAt").isNull()).isFalse();
        assertThat(known.get("seals").get(0).get("sealNumber").asString()).isEqualTo("VN-HQ-000123");
        assertThat(known.get("clearedAt").isNull()).as("not free to leave before release or clearance").isTrue();

        assertThat(officer.post(path + "/release", Map.of("guarantee", "Bảo lãnh Vietcombank số 12/2026")).json()
                .get("declaration").get("state").asString()).isEqualTo("RELEASED");
        assertThat(officer.get("/api/v1/declarations/" + number).json().get("clearedAt").isNull())
                .as("released goods may leave").isFalse();
        assertThat(officer.post(path + "/fees", Map.of()).json().get("declaration").get("state").asString()).isEqualTo("CLEARED");
        assertThat(steps(declarant.get(path))).containsExactly("FILED", "REGISTERED", "INSPECTION_ORDERED",
                "INSPECTION_RECORDED", "RELEASED", "FEES_PAID", "CLEARED");
    }

    @Test
    @DisplayName("R5.5 a refusal names every bad field with its reason, and stores nothing")
    void refusalsNameTheirFields() {
        Map<String, Object> body = export("8542310", "5", "MSKU4670692");
        body.put("typeCode", "E11");
        body.put("currency", "XYZ");
        body.put("invoiceNumber", " ");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = (Map<String, Object>) ((List<?>) body.get("goods")).get(0);
        line.put("origin", "ZZ");
        line.put("unitPrice", "two dollars");
        long before = fixtures.count("dossier");
        Api.Response refused = declarant.post("/api/v1/clearance/declarations", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder(
                "typeCode", "currency", "invoiceNumber", "goods[0].hsCode", "goods[0].origin", "goods[0].unitPrice",
                "vehicles[0].containerNumbers[0]");
        assertThat(fixtures.count("dossier")).isEqualTo(before);
        Api.Response empty = declarant.postRaw("/api/v1/clearance/declarations", "", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"body\"").doesNotContain("org.springframework").doesNotContain("ClearanceApi");

        Api.Response tooMuch = declarant.post("/api/v1/clearance/declarations", export("85423100", "2000000", "MSKU4670691"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("goods[0].quantity");
        assertThat(tooMuch.json().get("errors").get(0).get("reason").asString()).contains("1000000 chiếc");
        Api.Response unregistered = declarant.post("/api/v1/clearance/declarations", export("84713020", "1", "MSKU4670691"));
        assertThat(unregistered.json().get("errors").get(0).get("field").asString()).isEqualTo("goods[0].hsCode");

        Fixtures.Site other = fixtures.site();
        Map<String, Object> forOther = export("85423100", "1", "MSKU4670691");
        forOther.put("enterpriseTaxCode", other.taxCode());
        assertThat(declarant.post("/api/v1/clearance/declarations", forOther).json().get("errors").get(0).get("field").asString())
                .isEqualTo("enterpriseTaxCode");
        assertThat(officer.post("/api/v1/clearance/declarations", export("85423100", "1", "MSKU4670691")).status())
                .as("customs staff do not declare").isEqualTo(403);

        officer.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/standing", Map.of("status", "SUSPENDED"));
        Api.Response barred = declarant.post("/api/v1/clearance/declarations", export("85423100", "1", "MSKU4670691"));
        assertThat(barred.status()).isEqualTo(400);
        assertThat(barred.json().get("errors").get(0).get("reason").asString()).contains("SUSPENDED");
    }

    @Test
    @DisplayName("R5.4 a reference filed twice is one declaration; an amendment keeps every version; a cancellation returns the quantity")
    void amendAndCancel() {
        Map<String, Object> body = export("85423100", "300", "MSKU4670691");
        body.put("reference", "ECUS-REF-77");
        Api.Response first = declarant.post("/api/v1/clearance/declarations", body);
        Api.Response again = declarant.post("/api/v1/clearance/declarations", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String number = first.json().get("declaration").get("number").asString();
        assertThat(again.json().get("declaration").get("number").asString()).isEqualTo(number);
        declarant.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
        assertThat(declared("85423100")).isEqualByComparingTo("300");

        Map<String, Object> changed = export("85423100", "250", "MSKU4670691");
        Api.Response noReason = declarant.put("/api/v1/clearance/declarations/" + number, Map.of("declaration", changed));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Api.Response amended = declarant.put("/api/v1/clearance/declarations/" + number,
                Map.of("declaration", changed, "reason", "Sai số lượng trên hoá đơn"));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("declaration").get("version").asInt()).isEqualTo(2);
        assertThat(declared("85423100")).isEqualByComparingTo("250");
        assertThat(jdbc.sql("select business_code from dossier_version v join dossier d on d.id = v.dossier_id where d.number = ? order by v.version")
                .param(number).query(String.class).list()).containsExactly("EDA", "EDA01");

        declarant.post("/api/v1/clearance/declarations/" + number + "/cancellation", Map.of("reason", "Khách hàng huỷ đơn"));
        assertThat(officer.get("/api/v1/clearance/worklist").json().valueStream().map(w -> w.get("number").asString())).contains(number);
        Api.Response cancelled = officer.post("/api/v1/clearance/declarations/" + number + "/cancellation-decision", Map.of("accept", true));
        assertThat(cancelled.json().get("declaration").get("state").asString()).isEqualTo("CANCELLED");
        assertThat(declared("85423100")).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("The gate knows the lane: a truck leaving with goods of a red declaration before its inspection raises EXIT_BEFORE_CLEARANCE")
    void gateKnowsTheLane() {
        JsonNode registered = fileAndRegister(export("93032000", "5", "TGHU4719237"));
        String number = registered.get("number").asString();
        JsonNode warnings = leaveThroughG1("TGHU4719237");
        assertThat(warnings.valueStream().map(w -> w.get("rule").asString())).containsExactly("EXIT_BEFORE_CLEARANCE");
        assertThat(warnings.get(0).get("summary").asString()).contains(number).contains("RED");
    }

    @Test
    @DisplayName("R5.4 a cancelled declaration no longer covers goods leaving: the exit is undeclared")
    void cancelledDeclarationCoversNothing() {
        JsonNode registered = fileAndRegister(export("85423100", "5", "CSQU3054383"));
        String number = registered.get("number").asString();
        declarant.post("/api/v1/clearance/declarations/" + number + "/cancellation", Map.of("reason", "Huỷ hợp đồng"));
        officer.post("/api/v1/clearance/declarations/" + number + "/cancellation-decision", Map.of("accept", true));
        assertThat(leaveThroughG1("CSQU3054383").valueStream().map(w -> w.get("rule").asString()))
                .contains("EXIT_WITHOUT_DECLARATION");
    }

    @Test
    @DisplayName("R5.7, R5.8 a red export sealed at inspection goes in transit: another seal at the gate and a swapped seal on arrival each raise SEAL_MISMATCH")
    void transitAndSeals() {
        String number = fileAndRegister(export("93032000", "5", "MSKU4670691")).get("number").asString();
        head.post("/api/v1/clearance/declarations/" + number + "/inspection-order", Map.of("form", "MANUAL", "level", "100"));
        officer.post("/api/v1/clearance/declarations/" + number + "/inspection-result", Map.of("asDeclared", true,
                "findings", "Đúng khai báo", "seals", List.of(Map.of("containerNumber", "MSKU4670691", "sealNumber", "VN-HQ-0012345"))));
        officer.post("/api/v1/clearance/declarations/" + number + "/fees", Map.of());

        Map<String, Object> transit = new LinkedHashMap<>();
        transit.put("origin", "KCX-TAN-THUAN");
        transit.put("destination", "KCX-TAN-THUAN");
        transit.put("deadline", java.time.Instant.now().plusSeconds(8 * 3600).toString());
        Api.Response same = declarant.post("/api/v1/clearance/declarations/" + number + "/transit", transit);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("transit.destination");
        transit.put("destination", "PORT-CAT-LAI");
        transit.put("route", "Nguyễn Văn Linh → Mai Chí Thọ → cảng Cát Lái");
        Api.Response asked = declarant.post("/api/v1/clearance/declarations/" + number + "/transit", transit);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("declaration").get("transit").get("state").asString()).isEqualTo("REQUESTED");
        Api.Response refusal = officer.post("/api/v1/clearance/declarations/" + number + "/transit-decision", Map.of("accept", false));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.body()).contains("reason");
        Api.Response accepted = officer.post("/api/v1/clearance/declarations/" + number + "/transit-decision", Map.of("accept", true));
        assertThat(accepted.json().get("declaration").get("transit").get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(officer.get("/api/v1/declarations/" + number).json().get("transit").get("destination").asString())
                .as("the gate analysis and the trips read the route").isEqualTo("PORT-CAT-LAI");

        JsonNode atGate = leaveThroughG1("MSKU4670691", List.of(Map.of("containerNumber", "MSKU4670691", "sealNumber", "VN-HQ-0099999")));
        assertThat(atGate.valueStream().map(w -> w.get("rule").asString())).containsExactly("SEAL_MISMATCH");
        assertThat(atGate.get(0).get("summary").asString()).contains("VN-HQ-0099999");

        Api.Response arrived = officer.post("/api/v1/clearance/declarations/" + number + "/arrival", Map.of(
                "office", "Chi cục HQ cửa khẩu cảng Sài Gòn khu vực I",
                "seals", List.of(Map.of("containerNumber", "MSKU4670691", "sealNumber", "VN-HQ-0077777"))));
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
        assertThat(arrived.json().get("declaration").get("arrival").get("differences").get(0).asString())
                .contains("VN-HQ-0012345").contains("VN-HQ-0077777");
        fixtures.awaitEventsHandled();
        assertThat(officer.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json().valueStream()
                .filter(w -> w.get("rule").asString().equals("SEAL_MISMATCH")).count()).isEqualTo(2);
        assertThat(officer.post("/api/v1/clearance/declarations/" + number + "/arrival", Map.of("office", "X")).status())
                .as("an arrival is confirmed once").isEqualTo(400);
    }

    @Test
    @DisplayName("R5.7 the transit on the pages: the declarant's deadline typed in Vietnam time, the officer's seals one per line, the arrival")
    void transitOnThePages() {
        String number = fileAndRegister(export("85423100", "5", "CSQU3054383")).get("number").asString();
        String page = "/clearance/declarations/" + number;
        String deadline = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusHours(6)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        declarant.form(page + "/transit", "origin=KCX-TAN-THUAN&destination=PORT-CAT-LAI&deadline=" + deadline + "&route=",
                Api.csrfFrom(declarant.get(page).body()));
        JsonNode transit = officer.get("/api/v1/clearance/declarations/" + number).json().get("declaration").get("transit");
        assertThat(transit.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(transit.get("deadline").asString()).as("typed as Vietnam time").isEqualTo(
                java.time.LocalDateTime.parse(deadline).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant().toString());
        String officerPage = officer.get(page + "?lang=en").body();
        assertThat(officerPage).contains("id=\"transit-decision\"");
        officer.form(page + "/transit-decision", "accept=true&reason=&seals=" + Api.encode("CSQU3054383 VN-HQ-0055501\n"),
                Api.csrfFrom(officerPage));
        JsonNode accepted = officer.get("/api/v1/clearance/declarations/" + number).json().get("declaration");
        assertThat(accepted.get("transit").get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("seals").get(0).get("sealNumber").asString()).isEqualTo("VN-HQ-0055501");
        officer.form(page + "/arrival", "office=" + Api.encode("Chi cục HQ cảng Cát Lái") + "&seals=" + Api.encode("CSQU3054383 VN-HQ-0055501"),
                Api.csrfFrom(officer.get(page).body()));
        assertThat(officer.get(page + "?lang=en").body()).contains("data-intact=\"true\"").contains("seals intact");
    }

    private JsonNode leaveThroughG1(String container) {
        return leaveThroughG1(container, null);
    }

    /** Truck 51C-123.45 leaves through the gate camera G1 with the container; the enterprise's warnings once judged. */
    private JsonNode leaveThroughG1(String container, List<Map<String, String>> seals) {
        Api gate = new Api(port, fixtures.integrationToken(io.epewatch.identity.ApiTokens.INGEST_GATE_EVENTS,
                io.epewatch.identity.ApiTokens.READ));
        Map<String, Object> exit = new LinkedHashMap<>();
        exit.put("enterpriseTaxCode", site.taxCode());
        exit.put("cameraNumber", "G1");
        exit.put("direction", "OUT");
        exit.put("capturedAt", java.time.Instant.now().toString()); // after the steps just taken
        exit.put("plate", "51C-123.45");
        exit.put("containerNumbers", List.of(container));
        if (seals != null) {
            exit.put("seals", seals);
        }
        assertThat(gate.post("/api/v1/gate-events", exit).status()).isEqualTo(201);
        fixtures.awaitEventsHandled();
        return gate.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json();
    }

    private java.math.BigDecimal declared(String hs) {
        return jdbc.sql("select declared from registered_goods where enterprise_tax_code = ? and hs_code = ?")
                .params(site.taxCode(), hs).query(java.math.BigDecimal.class).single();
    }

    @Test
    @DisplayName("R5.5 the number series stays unique under 50 concurrent declarants")
    void concurrentNumbering() throws Exception {
        Caller caller = new Caller(declarantName, Set.of(Role.DECLARANT), Set.of(), null, AccessScope.enterprise(site.taxCode()));
        DossierInput input = new DossierInput(null, "IMPORT", "E11", site.taxCode(), "INV-1", "USD", null,
                List.of(new DossierInput.Line("85423100", "Vi mạch", "1", "chiếc", "3", "JP", null, null)), null);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int t = 0; t < 50; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        while (true) {
                            try {
                                numbers.add(dossiers.file(caller, input).dossier().number());
                                break;
                            } catch (org.springframework.transaction.CannotCreateTransactionException poolBusy) {
                                // the API answers this 503 with Retry-After; a client files again, as here
                                Thread.sleep(50);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(numbers).hasSize(500).allMatch(n -> n.matches("1\\d{11}"));
        assertThat(new HashSet<>(jdbc.sql("select number from dossier").query(String.class).list())).containsAll(numbers);
    }
}
