package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.ApiTokens;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The officer's workbench in a real browser: the inbox updates itself, a warning becomes a case, the head decides. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class CaseworkInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    ChromeDriver browser;
    Fixtures.Site site;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    @DisplayName("R4.5–R4.8 a warning appears in the open inbox without reload; the officer escalates it, the head closes it")
    void warningToDecisionInTheBrowser() {
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Browser.signIn(browser, port, officer, Fixtures.PASSWORD, null);
        browser.get(url("/warnings?enterpriseTaxCode=" + site.taxCode()));
        assertThat(browser.findElements(By.cssSelector("tr.warning-row"))).isEmpty();

        // a truck leaves with an undeclared container while the officer looks at the inbox
        new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS)).post("/api/v1/gate-events", Map.of(
                "enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(10).toString(), "plate", "51C-246.80",
                "containerNumbers", List.of("TEMU2709541")));
        // the rows are swapped in when the stream says so: read the row inside the wait, it may be replaced meanwhile
        String warningId = Browser.waitFor(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> b.findElements(By.cssSelector("tr.warning-row[data-rule='EXIT_WITHOUT_DECLARATION']")).stream()
                        .map(row -> row.getAttribute("data-id")).findFirst().orElse(null));

        browser.get(url("/warnings/" + warningId));
        assertThat(browser.findElement(By.id("live-view")).getAttribute("href")).endsWith("/cameras/G1/monitor");
        browser.findElement(By.id("open-case")).click();
        assertThat(browser.findElement(By.id("case-state")).getAttribute("data-state")).isEqualTo("NEW");
        String caseUrl = browser.getCurrentUrl();
        browser.findElement(By.id("take")).click();
        awaitState("ANALYSING");
        // sending without an analysis is refused, naming the fields
        browser.findElement(By.id("propose")).click();
        // the refusal comes back on the case page the redirect loads: wait for it, not for the click
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> !b.findElements(By.cssSelector(".problems li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".problems li")).stream().map(li -> li.getAttribute("data-field")).toList())
                .contains("analysis", "proposal");
        assertThat(browser.findElement(By.cssSelector(".problems li[data-field='analysis']")).getText())
                .as("named and explained in the reader's language").startsWith("Phân tích").doesNotContain("required");
        browser.findElement(By.id("analysis")).sendKeys("Container TEMU2709541 không có trên tờ khai xuất khẩu nào.");
        browser.findElement(By.id("proposal")).sendKeys("Đề nghị kiểm tra thực tế lô hàng.");
        browser.findElement(By.id("propose")).click();
        awaitState("PROPOSED");
        assertThat(browser.findElement(By.id("case-analysis")).getText()).contains("TEMU2709541");
        browser.findElement(By.id("escalate")).click();
        awaitState("ESCALATED");
        assertThat(browser.findElements(By.id("close"))).as("an officer cannot close").isEmpty();
        browser.manage().deleteAllCookies();

        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        Browser.signIn(browser, port, headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
        browser.get(url("/cases"));
        assertThat(browser.findElement(By.cssSelector("tr.case-row")).getAttribute("data-state")).isEqualTo("ESCALATED");
        browser.get(caseUrl);
        browser.findElement(By.id("order-inspection")).click();
        awaitState("INSPECTION_ORDERED");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("outcome"))).selectByValue("VIOLATION");
        browser.findElement(By.id("reference")).sendKeys("BB-07/2026/KCX");
        browser.findElement(By.id("close")).click();
        awaitState("CLOSED");
        assertThat(browser.findElements(By.cssSelector("#case-history tr"))).hasSize(7); // header and six steps
    }

    /** The page after a step is a new page: wait for it rather than read the one it replaces. */
    private void awaitState(String state) {
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> state.equals(b.findElement(By.id("case-state")).getAttribute("data-state")));
    }
}
