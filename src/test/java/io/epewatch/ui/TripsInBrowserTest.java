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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An officer starts a trip on the trips page, follows its track on the map, and cancels it with a reason (R5.7). */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class TripsInBrowserTest {

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

    @Test
    @DisplayName("R5.7 a trip started by hand shows its track over the geofences; a wrong plate and a missing reason are named")
    void startFollowAndCancelATrip() {
        Fixtures.Site site = fixtures.site();
        String officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Api customs = new Api(port, null).signIn(officer, Fixtures.PASSWORD);
        String suffix = site.taxCode().substring(2, 8);
        double lat = 11 + Integer.parseInt(suffix) % 1000 * 0.01;
        String origin = "EPE-T" + suffix;
        String destination = "ICD-T" + suffix;
        for (var zone : Map.of(origin, 106.700, destination, 106.720).entrySet()) {
            double lon = zone.getValue();
            assertThat(customs.put("/api/v1/geofences/" + zone.getKey(), Map.of("name", "Vùng " + zone.getKey(),
                    "kind", zone.getKey().startsWith("EPE") ? "EPE_SITE" : "ICD", "ring", List.of(List.of(lon - 0.002, lat - 0.002),
                            List.of(lon + 0.002, lat - 0.002), List.of(lon + 0.002, lat + 0.002), List.of(lon - 0.002, lat + 0.002))))
                    .status()).isEqualTo(200);
        }

        Browser.signIn(browser, port, officer, Fixtures.PASSWORD, null);
        browser.get("http://localhost:" + port + "/trips?lang=en");
        browser.findElement(By.id("trip-plate")).sendKeys("biển giả");
        new Select(browser.findElement(By.id("trip-enterprise"))).selectByValue(site.taxCode());
        new Select(browser.findElement(By.id("trip-origin"))).selectByValue(origin);
        new Select(browser.findElement(By.id("trip-destination"))).selectByValue(destination);
        browser.findElement(By.cssSelector("#trip-form button")).click();
        assertThat(Browser.errorBeside(browser, "plate")).isNotBlank();
        // the choices survive the refusal
        assertThat(new Select(browser.findElement(By.id("trip-origin"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(origin);

        String plate = String.format("51C-%03d.%02d", port % 1000, Integer.parseInt(suffix) % 100);
        browser.findElement(By.id("trip-plate")).clear();
        browser.findElement(By.id("trip-plate")).sendKeys(plate);
        browser.findElement(By.cssSelector("#trip-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().matches(".*/trips/\\d+$"));
        assertThat(browser.findElement(By.id("trip-stage")).getAttribute("data-stage")).isEqualTo("STARTED");

        // the truck reports two positions on its way (within the senders' clock tolerance); the map draws them
        // over the geofences
        Api gps = new Api(port, fixtures.integrationToken(ApiTokens.INGEST_GPS));
        String tripPath = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/trips/"));
        Instant left = Instant.parse(customs.get("/api/v1" + tripPath).json().get("startedAt").asString());
        assertThat(gps.post("/api/v1/positions", List.of(
                Map.of("plate", plate, "lat", lat, "lon", 106.705, "speed", 30, "time", left.plusMillis(100).toString()),
                Map.of("plate", plate, "lat", lat, "lon", 106.710, "speed", 32, "time", left.plusMillis(200).toString())))
                .status()).isEqualTo(200);
        browser.navigate().refresh();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                "2".equals(b.findElement(By.id("trip-map")).getAttribute("data-positions")));
        assertThat(browser.findElements(By.cssSelector("#trip-map path.leaflet-interactive"))).hasSizeGreaterThanOrEqualTo(3);

        browser.findElement(By.cssSelector("#cancel-form button")).click();
        assertThat(Browser.errorBeside(browser, "reason")).isNotBlank();
        browser.findElement(By.id("cancel-reason")).sendKeys("Xe hỏng, hàng chuyển sang xe khác");
        browser.findElement(By.cssSelector("#cancel-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                "CANCELLED".equals(b.findElement(By.id("trip-stage")).getAttribute("data-stage")));
        assertThat(browser.findElement(By.id("trip-end-reason")).getText()).isEqualTo("Xe hỏng, hàng chuyển sang xe khác");
        assertThat(browser.findElements(By.id("cancel-form"))).isEmpty();
    }
}
