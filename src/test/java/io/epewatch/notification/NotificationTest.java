package io.epewatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.epewatch.calendar.WorkingDays;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.identity.Role;
import io.epewatch.incident.IncidentTimeline;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Notices in the app and by e-mail through a real SMTP server (GreenMail) running in the test. */
@IntegrationTest
class NotificationTest {

    static GreenMail smtp;

    @Autowired
    Fixtures fixtures;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    IncidentAlerts alerts;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api epe;
    Api officer;
    String officerName;
    String epeMail;
    String officerMail;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(18625, "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        String epeName = fixtures.user(Role.EPE_USER, null, site.taxCode());
        epe = new Api(port, null).signIn(epeName, Fixtures.PASSWORD);
        officerName = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        officer = new Api(port, null).signIn(officerName, Fixtures.PASSWORD);
        epeMail = epeName + "@dncx.example.vn";
        officerMail = officerName + "@haiquan.example.vn";
        assertThat(officer.put("/api/v1/account/notification-email", Map.of("email", "not an address")).json()
                .at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(epe.put("/api/v1/account/notification-email", Map.of("email", epeMail)).status()).isEqualTo(200);
        assertThat(officer.put("/api/v1/account/notification-email", Map.of("email", officerMail)).status()).isEqualTo(200);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> kinds(Api api) {
        return api.get("/api/v1/notifications").json().valueStream().map(n -> n.get("kind").asString()).toList();
    }

    private void outage(String camera, Instant since, String kind) {
        long cameraId = diagram.findCamera(site.taxCode(), camera).orElseThrow().id();
        transaction.executeWithoutResult(s -> events.publishEvent(new CameraStateChanged(cameraId, site.taxCode(), camera,
                CameraState.ONLINE, CameraState.OFFLINE, since, "UNREACHABLE", kind)));
        fixtures.awaitEventsHandled();
    }

    @Test
    @DisplayName("R2.3 an incident opened reaches the sub-department's officers in the app and by e-mail, in Vietnamese")
    void incidentOpened() throws Exception {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("enterpriseTaxCode", site.taxCode());
        notice.put("kind", "EQUIPMENT");
        notice.put("description", "Đầu ghi hình hỏng ổ cứng");
        notice.put("affectedCameras", List.of("Y1"));
        notice.put("effect", "Không lưu được hình bãi phế liệu");
        notice.put("expectedRestoration", Instant.now().plus(Duration.ofDays(3)).toString());
        notice.put("technicalContactName", "Lê Thị Hằng");
        notice.put("technicalContactPhone", "0912 000 222");
        long id = epe.post("/api/v1/incidents", notice).json().get("id").asLong();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mailTo(officerMail).isEmpty());
        MimeMessage mail = mailTo(officerMail).getFirst();
        assertThat(mail.getSubject()).contains("Sự cố ca-mê-ra tại Công ty TNHH Thử nghiệm");
        assertThat(mail.getContent().toString()).contains("/incidents/" + id).contains("ca-mê-ra Y1");
        JsonNode inbox = officer.get("/api/v1/notifications").json();
        assertThat(inbox.get(0).get("kind").asString()).isEqualTo("INCIDENT_OPENED");
        assertThat(inbox.get(0).get("emailState").asString()).isEqualTo("SENT");
        assertThat(officer.get("/notifications").body()).contains("class=\"notice-row unread\"").contains("Sự cố ca-mê-ra tại");
        assertThat(officer.post("/api/v1/notifications/" + inbox.get(0).get("id").asLong() + "/read", Map.of()).status())
                .isEqualTo(204);
        assertThat(epe.post("/api/v1/notifications/" + inbox.get(0).get("id").asLong() + "/read", Map.of()).status())
                .as("someone else's notice").isEqualTo(404);
    }

    @Test
    @DisplayName("R2.4 R2.5 a channel outage due on the next working day, then overdue with missing follow-ups, is told once each")
    void deadlinesAndFollowUps() {
        // due on the next working day: notified three working days before it (on a weekend too)
        LocalDate nextWorkingDay = workingDays.calendar().plusWorkingDays(LocalDate.now(IncidentTimeline.VIETNAM), 1);
        LocalDate notified = workingDays.calendar().plusWorkingDays(nextWorkingDay, -3);
        outage("G2", notified.atTime(LocalTime.of(10, 0)).atZone(IncidentTimeline.VIETNAM).toInstant(), "CHANNEL");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> kinds(epe).contains("DEADLINE_TOMORROW"));

        // a month-old equipment outage, followed by the officer, who never wrote an update
        outage("Y1", Instant.now().minus(Duration.ofDays(30)), "EQUIPMENT");
        long id = officer.get("/api/v1/incidents?open=true&enterpriseTaxCode=" + site.taxCode()).json().valueStream()
                .filter(i -> i.get("kind").asString().equals("EQUIPMENT")).findFirst().orElseThrow().get("id").asLong();
        officer.post("/api/v1/incidents/" + id + "/assign", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                kinds(epe).contains("INCIDENT_OVERDUE") && kinds(officer).contains("FOLLOW_UP_MISSING"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mailTo(epeMail).stream().filter(m -> {
            try {
                return m.getSubject().contains("quá hạn");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList().isEmpty());

        // more sweeps give nothing new
        int before = officer.get("/api/v1/notifications").json().size();
        long overdue = kinds(epe).stream().filter("INCIDENT_OVERDUE"::equals).count();
        alerts.sweep();
        alerts.sweep();
        assertThat(officer.get("/api/v1/notifications").json().size()).isEqualTo(before);
        assertThat(kinds(epe).stream().filter("INCIDENT_OVERDUE"::equals).count()).isEqualTo(overdue);
    }
}
