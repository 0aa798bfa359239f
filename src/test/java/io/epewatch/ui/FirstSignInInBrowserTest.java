package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.epewatch.identity.AccountAdministration;
import io.epewatch.identity.NewAccount;
import io.epewatch.identity.Role;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.TotpCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A head of sub-department opened by an administrator signs in for the first time in a real browser. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class FirstSignInInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountAdministration administration;
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

    @Test
    @DisplayName("R6.3 R3.1 first sign-in forces the password change, then TOTP enrolment, then the dashboard")
    void firstSignIn() {
        Fixtures.Site site = fixtures.site();
        String username = "head." + System.nanoTime() % 1_000_000;
        String initial = administration.open(Fixtures.ADMIN,
                new NewAccount(username, "Đỗ Minh Châu", site.subDepartment().id(), null, Role.HEAD));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(initial);
        browser.findElement(By.id("sign-in")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/account/password"));

        browser.get(url("/warnings"));
        assertThat(browser.getCurrentUrl()).as("nothing else is reachable yet").endsWith("/account/password");

        String chosen = "Cổng số 3 mở lúc 7 giờ";
        browser.findElement(By.id("currentPassword")).sendKeys(initial);
        browser.findElement(By.id("newPassword")).sendKeys(chosen);
        browser.findElement(By.id("repeatPassword")).sendKeys(chosen);
        browser.findElement(By.id("change-password")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/account/mfa"));

        assertThat(browser.findElement(By.id("qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        String secret = browser.findElement(By.id("secret")).getText();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("the dashboard waits for MFA").endsWith("/account/mfa");
        assertThat(browser.findElement(By.id("secret")).getText()).as("the same secret until confirmed").isEqualTo(secret);

        browser.findElement(By.id("code")).sendKeys(TotpCodes.now(secret));
        browser.findElement(By.id("confirm-mfa")).click();
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.findElement(By.id("continue")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(url("/")));
        assertThat(browser.findElement(By.id("enterprise-count")).getText()).isEqualTo("1");
    }
}
