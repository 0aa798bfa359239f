package io.epewatch.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver; nothing is downloaded. */
public final class Browser {

    private Browser() {
    }

    /**
     * Signs in through the login form and, when the account has a second factor ({@code totpSecret} not null), the
     * code page; returns once the browser has followed the redirects (a click returns before that).
     */
    public static void signIn(ChromeDriver browser, int port, String username, String password, String totpSecret) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = waitFor(browser, Duration.ofSeconds(5));
        wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
        if (totpSecret != null && browser.getCurrentUrl().contains("/account/mfa/verify")) {
            browser.findElement(By.id("code")).sendKeys(TotpCodes.now(totpSecret));
            browser.findElement(By.id("verify-mfa")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/account/mfa"));
        }
    }

    /** The reason shown beside a form field once the page that names it has loaded. */
    public static String errorBeside(ChromeDriver browser, String field) {
        return waitFor(browser, Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector(".field-error[data-field='" + field + "']"))).getText();
    }

    /**
     * An explicit wait that polls through a page being replaced: an element found just before the page reloads is
     * stale at the next look, which is a reason to look again, not a failure.
     */
    public static WebDriverWait waitFor(org.openqa.selenium.WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("epewatch-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            // no implicit wait: every wait is explicit (WebDriverWait), so a test waits for what it names and an
            // absence is seen at once instead of after the implicit timeout inside each poll
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
