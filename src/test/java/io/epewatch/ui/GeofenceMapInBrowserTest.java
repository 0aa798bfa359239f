package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.epewatch.identity.Role;
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
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An officer draws a geofence on the map — with no tile server, on a plain background — and it is saved. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class GeofenceMapInBrowserTest {

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
    @DisplayName("a geofence drawn by three clicks is saved and drawn; a missing name is named beside its field")
    void drawAGeofence() {
        Fixtures.Site site = fixtures.site();
        Browser.signIn(browser, port, fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD, null);
        browser.get("http://localhost:" + port + "/geofences");
        WebElement map = Browser.waitFor(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector("#geofence-map.leaflet-container")));
        // with no tile server the bundled coastlines and borders are drawn (issue 15), from this server alone
        Browser.waitFor(browser, Duration.ofSeconds(15)).until(b -> "natural-earth".equals(map.getDomAttribute("data-base-layer")));
        assertThat(browser.findElements(By.cssSelector("#geofence-map path:not(.leaflet-interactive)"))).hasSizeGreaterThan(0);
        Actions actions = new Actions(browser);
        actions.moveToElement(map, -100, -60).click().perform();
        actions.moveToElement(map, 100, -60).click().perform();
        actions.moveToElement(map, 0, 80).click().perform();
        assertThat(browser.findElement(By.id("ring")).getDomProperty("value")).startsWith("[[");

        String code = "ICD-" + site.taxCode().substring(2, 8);
        browser.findElement(By.id("geofence-code")).sendKeys(code);
        browser.findElement(By.cssSelector("#geofence-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                !b.findElement(By.cssSelector(".field-error[data-field='name']")).getText().isBlank());

        browser.findElement(By.id("geofence-name")).sendKeys("ICD Tanamexco " + code);
        browser.findElement(By.cssSelector("#geofence-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                !b.findElements(By.cssSelector("tr.geofence-row[data-code='" + code + "']")).isEmpty());
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(b ->
                !b.findElements(By.cssSelector("#geofence-map path.leaflet-interactive")).isEmpty());
    }
}
