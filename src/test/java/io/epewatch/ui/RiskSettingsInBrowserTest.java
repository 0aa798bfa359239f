package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.epewatch.identity.Role;
import io.epewatch.risk.RiskSettings;
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

/** An HQ analyst keeps the watch list and a sub-department's thresholds on one page (R4.5, R5.8). */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class RiskSettingsInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RiskSettings settings;
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
    @DisplayName("R5.8 an analyst watches a plate and tunes a sub-department's scrap hours; wrong input is named beside its field")
    void watchAPlateAndTuneASubDepartment() {
        Fixtures.Site site = fixtures.site();
        Browser.signIn(browser, port, fixtures.analyst(), Fixtures.PASSWORD, null);
        browser.get("http://localhost:" + port + "/risk/settings?lang=en");

        browser.findElement(By.id("value")).sendKeys("not a plate");
        browser.findElement(By.id("reason")).sendKeys("Tin báo của Cục Điều tra chống buôn lậu");
        browser.findElement(By.cssSelector("#watch-form button")).click();
        assertThat(Browser.errorBeside(browser, "value")).isNotBlank();
        // what was typed stays in the form
        assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).isEqualTo("Tin báo của Cục Điều tra chống buôn lậu");

        String plate = String.format("51D-%03d.%02d", port % 1000, site.taxCode().hashCode() & 63);
        browser.findElement(By.id("value")).clear();
        browser.findElement(By.id("value")).sendKeys(plate);
        browser.findElement(By.cssSelector("#watch-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                !b.findElements(By.cssSelector("tr.watch-entry[data-value='" + plate + "']")).isEmpty());
        assertThat(settings.watchlist()).anySatisfy(w -> {
            assertThat(w.value()).isEqualTo(plate);
            assertThat(w.reason()).contains("buôn lậu");
        });

        new Select(browser.findElement(By.id("scope"))).selectByValue("unit:" + site.subDepartment().id());
        browser.findElement(By.cssSelector("#thresholds form.filters button, form.filters button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> !b.findElements(By.id("thresholds-form")).isEmpty());
        browser.findElement(By.id("t-scrapHoursTo")).sendKeys("25:00");
        browser.findElement(By.cssSelector("#thresholds-form button")).click();
        assertThat(Browser.errorBeside(browser, "scrapHoursTo")).isNotBlank();

        browser.findElement(By.id("t-scrapHoursTo")).clear();
        browser.findElement(By.id("t-scrapHoursTo")).sendKeys("22:30");
        browser.findElement(By.cssSelector("#thresholds-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("saved"));
        assertThat(settings.view("enterprise:" + site.taxCode()).effective()).containsEntry("scrapHoursTo", "22:30");
        assertThat(browser.findElement(By.id("t-scrapHoursTo")).getDomProperty("value")).isEqualTo("22:30");

        // remove the plate again
        browser.findElement(By.cssSelector("tr.watch-entry[data-value='" + plate + "'] button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("removed"));
        assertThat(settings.watchlist()).noneSatisfy(w -> assertThat(w.value()).isEqualTo(plate));
    }
}
