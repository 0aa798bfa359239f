package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipFile;

import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.ExportVerifier;
import io.epewatch.identity.Role;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R2.2 in headless Chromium, as an officer does it: search last March's footage of the gate camera, play it in the
 * page, keep it as evidence, download the signed export and verify it offline.
 */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class ArchiveInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EvidenceStore evidence;
    @LocalServerPort
    int port;
    @TempDir
    Path temp;

    ChromeDriver browser;
    SimulatedCamera recorder;
    Fixtures.Site site;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        recorder = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G1", "haiquan", "Nvr#Pass-1"));
        fixtures.watchedBy(site, "G1", recorder);
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
        recorder.close();
    }

    @Test
    @DisplayName("R2.2 search, play, keep as evidence, export and verify: a minute of last March's footage of gate camera G1")
    void searchPlayPullExportVerify() throws Exception {
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String secret = fixtures.enrolTotp(officer);
        Browser.signIn(browser, port, officer, Fixtures.PASSWORD, secret);
        browser.get("http://localhost:" + port + "/enterprises/" + site.taxCode() + "/cameras/G1/monitor");
        browser.findElement(By.id("archive-link")).click();

        browser.executeScript("document.getElementById('from').value = '2026-03-14T09:00'");
        browser.findElement(By.id("minutes")).clear();
        browser.findElement(By.id("minutes")).sendKeys("1");
        browser.findElement(By.id("archive-play")).click();

        // the simulated recorder encodes the minute it replays: on a loaded machine that takes a while
        Browser.waitFor(browser, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("archive-video")).isEmpty());
        assertThat(browser.findElement(By.id("archive-holds")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("recordings"))).isNotEmpty();
        Browser.waitFor(browser, Duration.ofSeconds(60)).until(d -> played() > 1.0);
        assertThat(((Number) browser.executeScript("return document.getElementById('archive-video').duration")).doubleValue())
                .as("a minute of footage").isBetween(55.0, 61.0);
        assertThat(((Number) browser.executeScript("return document.getElementById('archive-video').videoWidth")).intValue()).isEqualTo(640);

        browser.findElement(By.id("reason")).sendKeys("Đối chiếu xe 51C-123.45 qua cổng C01 ngày 14/3");
        browser.findElement(By.id("archive-keep")).click();
        Browser.waitFor(browser, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("archive-clip")).isEmpty());
        String sha = browser.findElement(By.id("clip-sha256")).getText();
        assertThat(sha).hasSize(64);
        assertThat(browser.findElement(By.id("clip-hold")).getText()).isNotBlank();

        String download = browser.findElement(By.id("export-download")).getAttribute("href");
        Api api = new Api(port, null).signIn(officer, Fixtures.PASSWORD, secret);
        byte[] zip = api.getBytes(download.substring(download.indexOf("/api/")));
        Path file = Files.write(temp.resolve("export.zip"), zip);
        ExportVerifier.Result verified = ExportVerifier.verify(file);
        assertThat(verified.valid()).as(String.valueOf(verified.problems())).isTrue();
        assertThat(verified.files()).isEqualTo(1);
        try (ZipFile opened = new ZipFile(file.toFile())) {
            assertThat(opened.stream().map(e -> e.getName())).anyMatch(n -> n.startsWith("media/") && n.endsWith(".mp4"));
        }
        UUID clip = UUID.fromString(browser.findElement(By.id("archive-clip")).getText().replaceAll("(?s).*?([0-9a-f]{8}-[0-9a-f-]{27}).*", "$1"));
        assertThat(evidence.find(clip).orElseThrow().legalHold()).isTrue();
    }

    @Test
    @DisplayName("R2.2 a device without Profile G: the page says so")
    void noProfileG() {
        recorder.profileG(false);
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Browser.signIn(browser, port, officer, Fixtures.PASSWORD, fixtures.enrolTotp(officer));
        browser.get("http://localhost:" + port + "/enterprises/" + site.taxCode() + "/cameras/G1/archive?from=2026-03-14T09:00&minutes=5&lang=en");
        assertThat(browser.findElement(By.id("no-profile-g")).getText()).contains("Profile G");
        assertThat(browser.findElements(By.id("archive-pull"))).isEmpty();
    }

    private double played() {
        Object value = browser.executeScript("return document.getElementById('archive-video').dataset.played || '0'");
        return Double.parseDouble(String.valueOf(value));
    }
}
