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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox narrows by rule and severity, and marks a batch of warnings as seen in one go (R4.6). */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class WarningInboxInBrowserTest {

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

    /** Read in one script: the stream may swap the rows in at any moment. */
    @SuppressWarnings("unchecked")
    private List<String> rules() {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('tr.warning-row')).map(r => r.dataset.rule);");
    }

    /** Submits the filters and waits for the filtered page. */
    private void apply(String expectedInUrl) {
        browser.findElement(By.cssSelector("form.filters button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains(expectedInUrl)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    @Test
    @DisplayName("R4.6 an officer filters the inbox by rule and severity, marks warnings as seen in bulk, then hides the seen ones")
    void filterAndBulkAcknowledge() {
        Fixtures.Site site = fixtures.site();
        Api feed = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS));
        // an undeclared exit (HIGH) whose container number fails its check digit (MEDIUM), and an undeclared entry
        feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(40).toString(), "plate", "51C-135.79",
                "containerNumbers", List.of("MSKU4670692")));
        feed.post("/api/v1/gate-events", Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G2", "direction", "IN",
                "capturedAt", Instant.now().minusSeconds(20).toString(), "plate", "51C-975.31",
                "containerNumbers", List.of("TEMU2709540")));
        fixtures.awaitEventsHandled();

        Browser.signIn(browser, port, fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD, null);
        browser.get("http://localhost:" + port + "/warnings?lang=en&enterpriseTaxCode=" + site.taxCode());
        List<String> all = rules();
        assertThat(all).contains("CONTAINER_NUMBER_INVALID", "EXIT_WITHOUT_DECLARATION");

        new Select(browser.findElement(By.name("rule"))).selectByValue("CONTAINER_NUMBER_INVALID");
        apply("rule=CONTAINER_NUMBER_INVALID");
        assertThat(rules()).isNotEmpty().allMatch("CONTAINER_NUMBER_INVALID"::equals);

        new Select(browser.findElement(By.name("rule"))).selectByValue("");
        new Select(browser.findElement(By.name("severity"))).selectByValue("HIGH");
        apply("severity=HIGH");
        assertThat(rules()).contains("EXIT_WITHOUT_DECLARATION").doesNotContain("CONTAINER_NUMBER_INVALID");

        // mark every HIGH one as seen; the filter survives the round trip
        List<WebElement> boxes = browser.findElements(By.cssSelector("tr.warning-row input[name='ids']"));
        int seen = boxes.size();
        boxes.forEach(WebElement::click);
        browser.findElement(By.cssSelector("#acknowledge-form > button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.findElements(By.cssSelector("tr.warning-row input[name='ids']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("tr.warning-row .seen"))).hasSize(seen);
        assertThat(new Select(browser.findElement(By.name("severity"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("HIGH");

        // only the unseen: the HIGH ones are gone, the MEDIUM ones remain
        new Select(browser.findElement(By.name("severity"))).selectByValue("");
        browser.findElement(By.cssSelector("form.filters input[name='unseen']")).click();
        apply("unseen=true");
        assertThat(rules()).contains("CONTAINER_NUMBER_INVALID").doesNotContain("EXIT_WITHOUT_DECLARATION");
        assertThat(rules()).hasSize(all.size() - seen);
    }
}
