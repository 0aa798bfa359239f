package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.evidence.EvidenceStore;
import io.epewatch.identity.AuditRecord;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Role;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.support.AllowedLoopbackCameras;
import io.epewatch.support.Api;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R4.7 live view in headless Chromium against a simulated ONVIF camera: pictures arrive, watching is audited. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class LiveViewInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CameraCredentials credentials;
    @Autowired
    AuditTrail audit;
    @Autowired
    EvidenceStore evidence;
    @LocalServerPort
    int port;

    ChromeDriver browser;
    SimulatedCamera camera;
    Fixtures.Site site;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        camera = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G1", "haiquan", "Cam#Pass-1"));
        jdbc.sql("update camera set onvif_url = ?, stream_url = null where number = 'G1' and enterprise_id = "
                + "(select id from enterprise where tax_code = ?)").params(camera.onvifUrl().toString(), site.taxCode()).update();
        credentials.store(Fixtures.ADMIN, site.taxCode(), "G1", "haiquan", "Cam#Pass-1");
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
        camera.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username, String secret) {
        Browser.signIn(browser, port, username, Fixtures.PASSWORD, secret);
    }

    @Test
    @DisplayName("R4.7 an officer with a second factor watches live: pictures arrive, start and stop are audited, a picture is kept as evidence")
    void officerWatchesLive() {
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        signIn(officer, fixtures.enrolTotp(officer));
        String page = "/enterprises/" + site.taxCode() + "/cameras/G1/monitor";
        browser.get(url(page));
        assertThat(browser.findElement(By.id("live-panel")).isDisplayed()).isTrue();

        browser.findElement(By.id("live-start")).click();
        Browser.waitFor(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> frames() >= 3);
        assertThat(((Number) browser.executeScript("return document.getElementById('live-image').naturalWidth")).intValue())
                .as("the camera's own picture, decoded by the browser").isEqualTo(640);
        browser.findElement(By.id("live-stop")).click();

        List<AuditRecord> records = awaitAudit(officer, "LIVE_VIEW_STOPPED");
        assertThat(records).extracting(AuditRecord::action).contains("LIVE_VIEW_STARTED", "LIVE_VIEW_STOPPED", "CREDENTIAL_USED");
        assertThat(records.stream().filter(r -> r.action().equals("LIVE_VIEW_STOPPED")).findFirst().orElseThrow().details())
                .contains("\"ended\":\"viewer left\"").containsPattern("\"frames\":([3-9]|\\d\\d+)");

        browser.findElement(By.id("capture")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("captured")).isEmpty());
        assertThat(browser.findElement(By.id("captured")).getText()).contains("SHA-256");
        assertThat(evidence.capturedBy(site.taxCode(), "G1", Instant.now().minusSeconds(60), Instant.now().plusSeconds(5)))
                .singleElement().satisfies(item -> assertThat(item.mediaType()).isEqualTo("image/jpeg"));
    }

    @Test
    @DisplayName("R4.7 no live view without a second factor, nor for an officer the camera is not granted to; the history shows who watched")
    void refusals() {
        String plain = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Api noMfa = new Api(port, null).signIn(plain, Fixtures.PASSWORD);
        String live = "/enterprises/" + site.taxCode() + "/cameras/G1/live.mjpeg";
        assertThat(noMfa.get(live).status()).isEqualTo(403);
        signIn(plain, null);
        browser.get(url("/enterprises/" + site.taxCode() + "/cameras/G1/monitor"));
        assertThat(browser.findElement(By.id("live-refused")).getText()).contains("hai lớp");

        String head = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        Api headApi = new Api(port, null).signIn(head, Fixtures.PASSWORD, fixtures.enrolTotp(head));
        String chosen = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String other = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Api otherApi = new Api(port, null).signIn(other, Fixtures.PASSWORD, fixtures.enrolTotp(other));
        assertThat(headApi.form("/enterprises/" + site.taxCode() + "/cameras/G1/grants", "username=" + chosen).status()).isEqualTo(302);
        assertThat(otherApi.get(live).status()).as("restricted to the chosen officer").isEqualTo(403);
        assertThat(otherApi.get("/enterprises/" + site.taxCode() + "/cameras/G1/monitor").body()).contains("id=\"live-refused\"");
        Api chosenApi = new Api(port, null).signIn(chosen, Fixtures.PASSWORD, fixtures.enrolTotp(chosen));
        assertThat(chosenApi.get("/enterprises/" + site.taxCode() + "/cameras/G1/monitor").body()).contains("id=\"live-panel\"");

        assertThat(headApi.get("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/access-history").json().valueStream()
                .map(r -> r.get("action").asString())).contains("CAMERA_ACCESS_GRANTED");
        assertThat(noMfa.get("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/access-history").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R4.7 issue 20 a camera that cannot be watched is answered with its reason, in words on the page, not with an empty stream")
    void aFailingCameraSaysWhy() {
        camera.fault(io.epewatch.simulator.Fault.OFFLINE);
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String secret = fixtures.enrolTotp(officer);
        Api api = new Api(port, null).signIn(officer, Fixtures.PASSWORD, secret);
        Api.Response refused = api.get("/enterprises/" + site.taxCode() + "/cameras/G1/live.mjpeg");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("kind").asString()).isEqualTo("UNREACHABLE");
        assertThat(refused.json().get("detail").asString()).startsWith("UNREACHABLE").doesNotContain("Cam#Pass-1");

        signIn(officer, secret);
        browser.get(url("/enterprises/" + site.taxCode() + "/cameras/G1/monitor"));
        browser.findElement(By.id("live-start")).click();
        Browser.waitFor(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("live-status")).getText().contains("không kết nối được tới ca-mê-ra"));
        assertThat(frames()).isZero();
        assertThat(awaitAudit(officer, "LIVE_VIEW_FAILED")).extracting(AuditRecord::action).doesNotContain("LIVE_VIEW_STARTED");
    }

    private int frames() {
        Object value = browser.executeScript("return document.getElementById('live-image').dataset.frames || '0'");
        return Integer.parseInt(String.valueOf(value));
    }

    private List<AuditRecord> awaitAudit(String actor, String action) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<AuditRecord> records = audit.search(new AuditTrail.Query(actor, site.taxCode(), null, null, null), 50);
            if (records.stream().anyMatch(r -> r.action().equals(action))) {
                return records;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError(action + " was not audited within 10 s");
    }
}
