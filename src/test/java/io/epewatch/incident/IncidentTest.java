package io.epewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.Role;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Incidents from the EPE's notice and from the health monitor, worked by officers and the head (R2.3–R2.5). */
@IntegrationTest
class IncidentTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SiteDiagram diagram;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api epe;
    Api officer;
    Api head;
    String officerName;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        epe = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        officerName = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        officer = new Api(port, null).signIn(officerName, Fixtures.PASSWORD);
        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        head = new Api(port, null).signIn(headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
    }

    private Map<String, Object> notice() {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("enterpriseTaxCode", site.taxCode());
        notice.put("kind", "EQUIPMENT");
        notice.put("description", "Camera G1 ở cổng chính hỏng nguồn do sét đánh; 1 camera theo sơ đồ");
        notice.put("affectedCameras", List.of("G1"));
        notice.put("effect", "Không ghi hình được xe ra tại cổng chính; doanh nghiệp ghi sổ thủ công");
        notice.put("expectedRestoration", Instant.now().plus(Duration.ofDays(5)).toString());
        notice.put("technicalContactName", "Trần Văn Kỹ");
        notice.put("technicalContactPhone", "0908 123 456");
        return notice;
    }

    private void cameraChanged(String number, CameraState to, Instant since, String outage) {
        long cameraId = diagram.findCamera(site.taxCode(), number).orElseThrow().id();
        transaction.executeWithoutResult(s -> events.publishEvent(new CameraStateChanged(cameraId, site.taxCode(), number,
                to == CameraState.ONLINE ? CameraState.OFFLINE : CameraState.ONLINE, to, since, "UNREACHABLE", outage)));
        fixtures.awaitEventsHandled();
    }

    @Test
    @DisplayName("R2.3 R2.5 an EPE files Appendix II; an officer takes it and follows up; the head decides a measure; closed with a reason")
    void noticeToClosing() {
        Map<String, Object> bad = notice();
        bad.put("affectedCameras", List.of("G1", "Z9"));
        bad.remove("effect");
        bad.put("kind", "FLOOD");
        Api.Response refused = epe.post("/api/v1/incidents", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("affectedCameras", "effect", "kind");
        assertThat(fixtures.count("incident where enterprise_tax_code = '" + site.taxCode() + "'")).isZero();

        Api.Response filed = epe.post("/api/v1/incidents", notice());
        assertThat(filed.status()).isEqualTo(201);
        JsonNode incident = filed.json();
        long id = incident.get("id").asLong();
        assertThat(incident.get("origin").asString()).isEqualTo("NOTICE");
        assertThat(incident.at("/notice/enterpriseName").asString()).contains("Công ty TNHH Thử nghiệm");
        assertThat(incident.at("/notice/taxCode").asString()).isEqualTo(site.taxCode());
        assertThat(incident.get("deadline").asString()).isNotBlank();
        assertThat(incident.get("status").asString()).isEqualTo("OPEN");

        Fixtures.Site elsewhere = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, elsewhere.subDepartment().id(), null),
                Fixtures.PASSWORD);
        assertThat(stranger.get("/api/v1/incidents/" + id).status()).isEqualTo(404);
        assertThat(epe.post("/api/v1/incidents/" + id + "/follow-ups", Map.of("text", "x")).status()).isEqualTo(403);
        assertThat(epe.form("/incidents/" + id + "/close", "reason=" + java.net.URLEncoder.encode("Đã sửa xong",
                java.nio.charset.StandardCharsets.UTF_8)).status()).as("the EPE does not close its own incident").isEqualTo(403);

        assertThat(officer.post("/api/v1/incidents/" + id + "/assign", Map.of()).json().get("assignedOfficer").asString())
                .isEqualTo(officerName);
        JsonNode followed = officer.post("/api/v1/incidents/" + id + "/follow-ups",
                Map.of("text", "Đã liên hệ kỹ thuật viên; chờ thay bộ nguồn")).json();
        assertThat(followed.get("followUps")).hasSize(1);
        assertThat(officer.post("/api/v1/incidents/" + id + "/measure", Map.of("measure", "x")).status()).isEqualTo(403);
        assertThat(head.post("/api/v1/incidents/" + id + "/measure",
                Map.of("measure", "Giám sát trực tiếp tại cổng khi có hàng xuất")).json().get("supervisionMeasure").asString())
                .startsWith("Giám sát trực tiếp");
        assertThat(officer.post("/api/v1/incidents/" + id + "/close", Map.of()).json().at("/errors/0/field").asString())
                .isEqualTo("reason");
        JsonNode closed = officer.post("/api/v1/incidents/" + id + "/close",
                Map.of("reason", "Đã thay nguồn, camera hoạt động lại; kiểm tra trực tiếp")).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(fixtures.count("audit_record where target = 'incident:" + id + "'")).isEqualTo(5L);
    }

    @Test
    @DisplayName("R2.3 the health monitor opens an incident for a camera down, once, and closes it when the camera is back")
    void monitorOpensAndCloses() {
        Instant down = Instant.now().minusSeconds(600);
        cameraChanged("Y1", CameraState.OFFLINE, down, "EQUIPMENT");
        cameraChanged("Y1", CameraState.OFFLINE, down, "EQUIPMENT"); // delivered twice
        JsonNode open = officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("origin").asString()).isEqualTo("MONITOR");
        assertThat(open.get(0).get("kind").asString()).isEqualTo("EQUIPMENT");
        assertThat(open.get(0).at("/cameras/0/number").asString()).isEqualTo("Y1");

        cameraChanged("Y1", CameraState.ONLINE, Instant.now(), null);
        JsonNode after = officer.get("/api/v1/incidents/" + open.get(0).get("id").asLong()).json();
        assertThat(after.get("status").asString()).isEqualTo("CLOSED");
        assertThat(after.get("closeReason").asString()).contains("health monitor");
    }

    @Test
    @DisplayName("R2.4 all cameras falling together are one CHANNEL incident listing them all, though the first ones were seen as equipment")
    void oneChannelOutageIsOneIncident() {
        Instant down = Instant.now().minusSeconds(120);
        cameraChanged("G2", CameraState.OFFLINE, down, "EQUIPMENT");
        cameraChanged("Y1", CameraState.OFFLINE, down, "CHANNEL");
        // a camera of the same outage whose change is handled after the one that made it a channel outage
        cameraChanged("G1", CameraState.OFFLINE, down, "EQUIPMENT");
        JsonNode open = officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json();
        assertThat(open).singleElement().satisfies(i -> {
            assertThat(i.get("kind").asString()).isEqualTo("CHANNEL");
            assertThat(i.get("cameras").valueStream().map(c -> c.get("number").asString())).containsExactly("G1", "G2", "Y1");
            assertThat(i.at("/notice/affectedCameras").valueStream().map(JsonNode::asString)).containsExactly("G1", "G2", "Y1");
            assertThat(java.time.LocalDate.parse(i.get("deadline").asString()))
                    .as("3 working days, not 10").isBefore(java.time.LocalDate.now().plusDays(8));
        });
        assertThat(officer.get("/incidents/" + open.get(0).get("id").asLong() + "/appendix-ii.pdf").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R2.3 the EPE's Appendix II notice for an outage the monitor already opened completes that incident, not a second one")
    void noticeJoinsTheMonitorsIncident() {
        Instant down = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        cameraChanged("G1", CameraState.OFFLINE, down, "EQUIPMENT");
        long monitorId = officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json().get(0).get("id").asLong();
        Api.Response filed = epe.post("/api/v1/incidents", notice());
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("id").asLong()).isEqualTo(monitorId);
        assertThat(filed.json().at("/notice/technicalContactName").asString()).isEqualTo("Trần Văn Kỹ");
        assertThat(filed.json().get("noticeFiledAt").isNull()).isFalse();
        assertThat(Instant.parse(filed.json().get("notifiedAt").asString())).as("the deadline runs from when the outage was seen")
                .isEqualTo(down);
        assertThat(officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json()).hasSize(1);
    }

    @Test
    @DisplayName("R2.3 the manual gate log is offered for the incident's gate cameras that are down, and only then")
    void gateLogOnlyForGateCamerasDown() {
        Map<String, Object> yard = notice();
        yard.put("affectedCameras", List.of("Y1"));
        long id = epe.post("/api/v1/incidents", yard).json().get("id").asLong();
        assertThat(epe.get("/incidents/" + id).body()).doesNotContain("id=\"gate-log-form\"");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cameraNumber", "Y1");
        entry.put("direction", "OUT");
        entry.put("capturedAt", Instant.now().minusSeconds(120).toString());
        entry.put("plate", "51C-777.88");
        assertThat(epe.post("/api/v1/incidents/" + id + "/gate-log", entry).json().at("/errors/0/field").asString())
                .as("Y1 watches a yard, not a gate").isEqualTo("cameraNumber");

        long gate = epe.post("/api/v1/incidents", notice()).json().get("id").asLong();
        assertThat(epe.get("/incidents/" + gate).body()).contains("id=\"gate-log-form\"").contains("<option value=\"G1\">G1</option>");
    }

    @Test
    @DisplayName("R2.4 a channel outage past its 3 working days is overdue until the EPE files its late notice")
    void overdueAndLateNotice() {
        cameraChanged("G2", CameraState.OFFLINE, Instant.now().minus(Duration.ofDays(30)), "CHANNEL");
        JsonNode incident = officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json().get(0);
        long id = incident.get("id").asLong();
        assertThat(incident.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(incident.get("lateNoticeDue").asBoolean()).isTrue();

        assertThat(epe.post("/api/v1/incidents/" + id + "/late-notice", Map.of("reason", "Chờ nhà mạng kéo lại cáp quang",
                "newExpectedRestoration", Instant.now().minusSeconds(60).toString())).json().at("/errors/0/field").asString())
                .isEqualTo("newExpectedRestoration");
        JsonNode noticed = epe.post("/api/v1/incidents/" + id + "/late-notice", Map.of("reason", "Chờ nhà mạng kéo lại cáp quang",
                "newExpectedRestoration", Instant.now().plus(Duration.ofDays(2)).toString())).json();
        assertThat(noticed.get("lateNoticeDue").asBoolean()).isFalse();
        assertThat(noticed.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(noticed.get("lateNotices")).hasSize(1);
    }

    @Test
    @DisplayName("R2.3 manual gate-log entries are gate events of source manual-log and can raise EXIT_WITHOUT_DECLARATION")
    void manualGateLog() {
        long id = epe.post("/api/v1/incidents", notice()).json().get("id").asLong();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cameraNumber", "G2");
        entry.put("direction", "OUT");
        entry.put("capturedAt", Instant.now().minusSeconds(120).toString());
        entry.put("plate", "51C-777.88");
        entry.put("containerNumbers", List.of("TEMU2709541"));
        entry.put("entryId", "so-tay-1");
        assertThat(epe.post("/api/v1/incidents/" + id + "/gate-log", entry).json().at("/errors/0/field").asString())
                .as("G2 is not one of the incident's cameras").isEqualTo("cameraNumber");
        entry.put("cameraNumber", "G1");
        Api.Response written = epe.post("/api/v1/incidents/" + id + "/gate-log", entry);
        assertThat(written.status()).isEqualTo(201);
        long passage = written.json().get("id").asLong();
        assertThat(written.json().get("source").asString()).isEqualTo("manual-log");
        assertThat(epe.post("/api/v1/incidents/" + id + "/gate-log", entry).json().get("id").asLong())
                .as("the same entry sent twice is one passage").isEqualTo(passage);
        assertThat(officer.get("/api/v1/incidents/" + id + "/gate-log").json()).hasSize(1);
        assertThat(officer.get("/enterprises/" + site.taxCode() + "/timeline").body())
                .as("the gate's timeline tells the hand-written passage apart").contains("data-kind=\"MANUAL\"")
                .contains("data-kind=\"INCIDENT\"");

        fixtures.awaitEventsHandled();
        JsonNode warnings = officer.get("/api/v1/warnings?rule=EXIT_WITHOUT_DECLARATION&enterpriseTaxCode=" + site.taxCode()).json();
        assertThat(warnings.valueStream().map(w -> w.get("gateEventId").asLong()).toList()).contains(passage);
    }

    @Test
    @DisplayName("R1.6 planned work declared in advance is tracked, marked planned, written in the camera logbook, and not held against the EPE")
    void plannedWork() {
        Map<String, Object> planned = notice();
        planned.put("description", "Bảo trì định kỳ đầu ghi hình, cắt điện 2 giờ");
        planned.put("affectedCameras", List.of("Y1"));
        planned.put("planned", true);
        JsonNode incident = epe.post("/api/v1/incidents", planned).json();
        assertThat(incident.get("planned").asBoolean()).isTrue();
        JsonNode logbook = officer.get("/api/v1/enterprises/" + site.taxCode() + "/logbook").json();
        assertThat(logbook.valueStream().anyMatch(e -> "PLANNED_WORK".equals(e.get("kind").asString())
                && e.get("reason").asString().contains("Bảo trì định kỳ"))).isTrue();
        assertThat(officer.get("/enterprises/" + site.taxCode() + "/timeline").body())
                .contains("id=\"compliance-score\" data-score=\"100\"");
    }
}
