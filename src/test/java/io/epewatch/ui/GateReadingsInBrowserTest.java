package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.recognition.PassingTruck;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R1.2: an officer sees what was read at a passage, the uncertain read marked, with its crop, in a real browser. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class GateReadingsInBrowserTest {

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

    @Test
    @DisplayName("R1.2 the passage page lists each read with its confidence, marks the uncertain one for checking and shows its crop")
    void officerSeesUncertainReadWithItsCrop() {
        String crop = Base64.getEncoder().encodeToString(new PassingTruck(320, 180, "51C-123.45", "MSKU4670691").paint(0.5).jpeg());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "ui-" + UUID.randomUUID());
        event.put("enterpriseTaxCode", site.taxCode());
        event.put("cameraNumber", "G2");
        event.put("capturedAt", "2026-11-20T09:15:00+07:00");
        event.put("plate", Map.of("text", "51C-123.45", "confidence", 0.42, "image", crop));
        event.put("containers", List.of(Map.of("text", "MSKU4670691", "confidence", 0.97)));
        Api.Response stored = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS)).post("/api/v1/edge-anpr/events", event);
        long id = stored.json().get("id").asLong();

        Browser.signIn(browser, port, fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD, null);
        browser.get("http://localhost:" + port + "/passages");
        browser.findElement(By.cssSelector("a[href='/passages/" + id + "']")).click();

        assertThat(browser.findElement(By.id("plate")).getText()).isEqualTo("51C-123.45");
        List<WebElement> rows = browser.findElements(By.cssSelector("#readings tr[data-status]"));
        assertThat(rows).hasSize(2);
        WebElement plate = rows.stream().filter(r -> r.getText().contains("51C-123.45")).findFirst().orElseThrow();
        assertThat(plate.getAttribute("data-status")).isEqualTo("UNCERTAIN");
        assertThat(plate.getText()).contains("42").contains("Chưa chắc chắn");
        WebElement image = plate.findElement(By.tagName("img"));
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue())
                .as("the crop, served and decoded").isEqualTo(320);
        WebElement container = rows.stream().filter(r -> r.getText().contains("MSKU4670691")).findFirst().orElseThrow();
        assertThat(container.getAttribute("data-status")).isEqualTo("CONFIDENT");

        // the officer's queue of reads to check lists it, with its crop, and leads back to the passage
        browser.get("http://localhost:" + port + "/passages");
        browser.findElement(By.id("to-check-link")).click();
        WebElement queued = browser.findElements(By.cssSelector("#to-check tr")).stream()
                .filter(r -> r.getText().contains("51C-123.45")).findFirst().orElseThrow();
        assertThat(queued.getText()).doesNotContain("MSKU4670691");
        queued.findElement(By.tagName("a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/passages/" + id);

        // another sub-department's officer does not see the passage at all
        Fixtures.Site other = fixtures.site();
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, other.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/passages/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/gate-events/" + id + "/readings").status()).isEqualTo(404);
        assertThat(stranger.get("/passages/to-check").body()).doesNotContain("51C-123.45");
    }
}
