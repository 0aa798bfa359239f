package io.epewatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A warning worked as a case by an officer and decided by the head (R4.6–R4.8). */
@IntegrationTest
class CaseworkTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api officer;
    Api head;
    long warningId;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        head = new Api(port, null).signIn(headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
        Api feed = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.READ));
        feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(30).toString(), "plate", "51C-123.45",
                "containerNumbers", List.of("TEMU2709541")));
        fixtures.awaitEventsHandled();
        warningId = feed.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json().get(0).get("id").asLong();
    }

    @Test
    @DisplayName("R4.6–R4.8 officer analyses, proposes and escalates; only the head orders the inspection and closes")
    void fromWarningToDecision() {
        Api.Response opened = officer.post("/api/v1/cases", Map.of("warningId", warningId));
        assertThat(opened.status()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        assertThat(officer.post("/api/v1/cases", Map.of("warningId", warningId)).json().get("id").asLong())
                .as("the same warning again is the same case").isEqualTo(id);
        assertThat(officer.get("/api/v1/cases").json()).anySatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(id));

        assertThat(officer.post("/api/v1/cases/" + id + "/take", "{}").json().get("state").asString()).isEqualTo("ANALYSING");
        Api.Response empty = officer.post("/api/v1/cases/" + id + "/propose", Map.of("analysis", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("analysis", "proposal");
        assertThat(officer.post("/api/v1/cases/" + id + "/propose", Map.of(
                "analysis", "Container TEMU2709541 không có trên tờ khai nào; hình ảnh camera G1 rõ số container.",
                "proposal", "Đề xuất kiểm tra thực tế hàng hóa tại cổng cảng.")).json().get("state").asString())
                .isEqualTo("PROPOSED");
        assertThat(officer.post("/api/v1/cases/" + id + "/escalate", Map.of("note", "Dấu hiệu gian lận")).json()
                .get("state").asString()).isEqualTo("ESCALATED");
        assertThat(officer.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "NO_VIOLATION")).status())
                .as("an officer cannot decide").isEqualTo(403);

        assertThat(head.get("/api/v1/cases").json().get(0).get("id").asLong()).as("escalations first for the head").isEqualTo(id);
        assertThat(head.post("/api/v1/cases/" + id + "/order-inspection", Map.of("note", "Kiểm tra ngày 25/11")).json()
                .get("state").asString()).isEqualTo("INSPECTION_ORDERED");
        Api.Response noReference = head.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "VIOLATION"));
        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.json().at("/errors/0/field").asString()).isEqualTo("reference");
        JsonNode closed = head.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "VIOLATION",
                "reference", "BB-123/2026/HQ", "note", "Xử phạt theo quy định")).json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("violationReference").asString()).isEqualTo("BB-123/2026/HQ");
        assertThat(officer.post("/api/v1/cases/" + id + "/escalate", "{}").status()).as("a closed case stays closed").isEqualTo(400);

        JsonNode file = officer.get("/api/v1/cases/" + id).json();
        assertThat(file.get("transitions").valueStream().map(t -> t.get("to").asString()).toList())
                .containsExactly("NEW", "ANALYSING", "PROPOSED", "ESCALATED", "INSPECTION_ORDERED", "CLOSED");
        assertThat(file.at("/transitions/5/stayed").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'CASE_TRANSITION' and target = ?")
                .param("case:" + id).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    @DisplayName("a PDF attached to a case is kept as held evidence and downloads whole; other files are refused")
    void attachments() {
        long id = officer.post("/api/v1/cases", Map.of("warningId", warningId)).json().get("id").asLong();
        byte[] pdf = "%PDF-1.4\n% biên bản kiểm tra\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(officer.postTyped("/cases/" + id + "/attachments", "multipart/form-data; boundary=XyZ",
                multipart("Biên bản kiểm tra.pdf", "application/pdf", pdf)).status()).isEqualTo(302);
        assertThat(officer.postTyped("/cases/" + id + "/attachments", "multipart/form-data; boundary=XyZ",
                multipart("tool.exe", "application/octet-stream", new byte[] {77, 90})).status()).isEqualTo(302);
        String page = officer.get("/cases/" + id).body();
        assertThat(page).contains("Biên bản kiểm tra.pdf").doesNotContain("tool.exe");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/cases/" + id + "/attachments/([0-9a-f-]{36})").matcher(page);
        assertThat(link.find()).isTrue();
        assertThat(officer.getBytes("/cases/" + id + "/attachments/" + link.group(1))).isEqualTo(pdf);
        assertThat(jdbc.sql("select legal_hold from evidence_item where id = ?::uuid").param(link.group(1))
                .query(Boolean.class).single()).isTrue();
        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/cases/" + id + "/attachments/" + link.group(1)).status()).isEqualTo(404);
    }

    private static byte[] multipart(String fileName, String type, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes("\r\n--XyZ--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    @DisplayName("an officer of another sub-department neither sees nor touches the case")
    void casesAreScoped() {
        long id = officer.post("/api/v1/cases", Map.of("warningId", warningId)).json().get("id").asLong();
        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/cases/" + id + "/take", "{}").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/cases", Map.of("warningId", warningId)).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/cases").json()).noneSatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(id));
    }

    @Test
    @DisplayName("R4.6 the case page shows the gate's pictures beside the declaration the warning names")
    void casePageShowsThePicturesBesideTheDeclaration() {
        Api feed = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.INGEST_DECLARATIONS,
                ApiTokens.READ));
        String number = Fixtures.declarationNumber();
        Map<String, Object> declaration = new java.util.LinkedHashMap<>();
        declaration.put("number", number);
        declaration.put("typeCode", "E52");
        declaration.put("enterpriseTaxCode", site.taxCode());
        declaration.put("direction", "EXPORT");
        declaration.put("registeredAt", Instant.now().minusSeconds(3600).toString());
        declaration.put("status", "CLEARED");
        declaration.put("lane", "GREEN");
        declaration.put("vehicles", List.of(Map.of("plate", "51C-246.80", "containerNumbers", List.of("TEMU2709541"))));
        assertThat(feed.post("/api/v1/declarations", declaration).status()).isEqualTo(201);
        // the gate camera reads the declared truck with another container, and sends its picture
        String picture = java.util.Base64.getEncoder().encodeToString(
                new io.epewatch.recognition.PassingTruck(320, 180, "51C-246.80", "MSKU4670691").paint(0.5).jpeg());
        assertThat(feed.post("/api/v1/edge-anpr/events", Map.of("eventId", "edge-" + java.util.UUID.randomUUID(),
                "enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "capturedAt", Instant.now().minusSeconds(20).toString(),
                "plate", Map.of("text", "51C-246.80", "confidence", 0.95, "image", picture),
                "containers", List.of(Map.of("text", "MSKU4670691", "confidence", 0.97)))).status()).isEqualTo(201);
        fixtures.awaitEventsHandled();
        long mismatch = feed.get("/api/v1/warnings?rule=CONTAINER_MISMATCH&enterpriseTaxCode=" + site.taxCode()).json()
                .get(0).get("id").asLong();

        long id = officer.post("/api/v1/cases", Map.of("warningId", mismatch)).json().get("id").asLong();
        String page = officer.get("/cases/" + id).body();
        assertThat(page).contains("class=\"case-declaration\" data-number=\"" + number + "\"").contains("TEMU2709541");
        java.util.regex.Matcher crop = java.util.regex.Pattern.compile("src=\"(/passages/\\d+/readings/\\d+/crop\\.jpg)\"")
                .matcher(page);
        assertThat(crop.find()).as("a crop of the plate on the case page").isTrue();
        assertThat(officer.getBytes(crop.group(1))).startsWith((byte) 0xFF, (byte) 0xD8);
    }
}
