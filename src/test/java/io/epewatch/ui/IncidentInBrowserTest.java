package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.epewatch.identity.Role;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R2.3–R2.5 in the portal: the EPE notifies, the officer follows up, the head decides the supervision measure. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class IncidentInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void setUp() {
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void signInAs(String username, String totpSecret) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, username, Fixtures.PASSWORD, totpSecret);
    }

    @Test
    @DisplayName("R2.3 R2.5 an EPE user files Appendix II; an officer takes it and adds a follow-up; the head records a measure")
    void noticeFollowUpMeasure() {
        Fixtures.Site site = fixtures.site();
        signInAs(fixtures.user(Role.EPE_USER, null, site.taxCode()), null);
        browser.get(url("/incidents/new?lang=en"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("EQUIPMENT");
        type("description", "Camera G1 ở cổng chính mất nguồn do sét đánh");
        browser.findElement(By.cssSelector("#notice-form button[type=submit]")).click();
        // nothing ticked and fields left empty: each named beside itself, what was typed kept
        assertThat(Browser.errorBeside(browser, "affectedCameras")).isNotBlank();
        assertThat(Browser.errorBeside(browser, "effect")).isNotBlank();
        assertThat(browser.findElement(By.id("description")).getDomProperty("value")).contains("sét đánh");

        browser.findElement(By.cssSelector("#affected-cameras input[value='G1']")).click();
        type("effect", "Không ghi hình xe ra tại cổng chính; ghi sổ thủ công");
        browser.findElement(By.id("expectedRestoration")).sendKeys("03012030\t1000AM");
        type("technicalContactName", "Trần Văn Kỹ");
        type("technicalContactPhone", "0908 123 456");
        browser.findElement(By.cssSelector("#notice-form button[type=submit]")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().matches(".*/incidents/\\d+$"));
        String incidentUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("incident-status")).getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(browser.findElement(By.id("incident-facts")).getText()).contains("Công ty TNHH Thử nghiệm").contains("sét đánh");
        assertThat(browser.findElement(By.id("appendix-pdf")).getAttribute("href")).endsWith("/appendix-ii.pdf");

        // R2.3 while G1 is down the EPE writes down a truck leaving
        java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        browser.findElement(By.id("log-at")).sendKeys(
                java.time.format.DateTimeFormatter.ofPattern("MMddyyyy").format(yesterday) + "\t0930AM");
        new Select(browser.findElement(By.name("direction"))).selectByValue("OUT");
        type("log-plate", "51C-246.80");
        type("log-containers", "MSKU4670691");
        browser.findElement(By.cssSelector("#gate-log-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> !b.findElements(By.cssSelector("tr.gate-log-entry")).isEmpty());
        assertThat(browser.findElement(By.id("gate-log")).getText()).contains("51C-246.80").contains("MSKU4670691");

        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        signInAs(officer, null);
        browser.get(incidentUrl);
        browser.findElement(By.id("take")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(b -> officer.equals(b.findElement(By.id("incident-officer")).getText()));
        browser.findElement(By.cssSelector("#follow-up-form button")).click();
        assertThat(Browser.errorBeside(browser, "text")).isNotBlank();
        type("follow-up-text", "Đã liên hệ đầu mối kỹ thuật; chờ thay bộ nguồn");
        browser.findElement(By.cssSelector("#follow-up-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> !b.findElements(By.cssSelector("tr.follow-up")).isEmpty());
        assertThat(browser.findElements(By.id("measure-form"))).as("only the head decides the measure").isEmpty();

        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        signInAs(headName, fixtures.enrolTotp(headName));
        browser.get(incidentUrl);
        type("measure", "Cử công chức giám sát trực tiếp tại cổng khi có hàng xuất");
        browser.findElement(By.cssSelector("#measure-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(b ->
                b.findElement(By.id("incident-measure")).getText().startsWith("Cử công chức"));

        // the notice the EPE filed comes as a PDF
        byte[] pdf = new Api(port, null).signIn(officer, Fixtures.PASSWORD).getBytes(incidentUrl.substring(incidentUrl.indexOf("/incidents/")) + "/appendix-ii.pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }
}
