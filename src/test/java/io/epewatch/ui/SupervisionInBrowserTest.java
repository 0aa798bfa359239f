package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Officers and EPE clerks in a real browser (Debian headless Chromium): warnings, passages, the registry. */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class SupervisionInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    ChromeDriver browser;
    Fixtures.Site site;
    String officer;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        officer = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        browser = Browser.start();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username, String password) {
        Browser.signIn(browser, port, username, password, null);
    }

    @Test
    @DisplayName("R4.5 an officer signs in and sees the EXIT_WITHOUT_DECLARATION warning, in Vietnamese by default")
    void officerSeesTheWarning() {
        new Api(port, fixtures.allScopesToken()).post("/api/v1/gate-events", Map.of(
                "enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1", "direction", "OUT",
                "capturedAt", Instant.now().toString(), "plate", "51C-888.01", "containerNumbers", List.of("TEMU2709541")));
        fixtures.awaitEventsHandled();

        signIn(officer, Fixtures.PASSWORD);
        assertThat(browser.findElement(By.id("open-warning-count")).getText()).isEqualTo("1");

        browser.get(url("/warnings"));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.warning-row"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getAttribute("data-rule")).isEqualTo("EXIT_WITHOUT_DECLARATION");
        assertThat(rows.getFirst().getText()).contains("Xe ra không có tờ khai xuất khẩu").contains("TEMU2709541").contains(site.taxCode());

        rows.getFirst().findElement(By.tagName("a")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().matches(".*/warnings/\\d+$"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("TEMU2709541")
                .as("the raw evidence is behind a toggle").doesNotContain("undeclaredContainers");
        browser.findElement(By.cssSelector("details.technical summary")).click();
        assertThat(browser.findElement(By.id("evidence")).getText()).contains("undeclaredContainers");

        browser.get(url("/passages"));
        assertThat(browser.findElement(By.id("passages")).getText()).contains("51C-888.01").contains("TEMU2709541").contains("Ra");

        browser.get(url("/warnings?lang=en"));
        assertThat(browser.findElement(By.cssSelector("tr.warning-row")).getText()).contains("Exit without declaration");
    }

    @Test
    void aWrongPasswordIsRefusedAndPagesNeedASignIn() {
        browser.get(url("/warnings"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn(officer, "not-the-password");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sai tên đăng nhập hoặc mật khẩu");
    }

    @Test
    @DisplayName("R1.7 R1.8 a clerk adds a camera in the browser and sees its online requirement and Appendix I rows")
    void cameraPageShowsTheLegalResults() {
        String clerk = fixtures.user(Role.EPE_USER, null, site.taxCode());
        signIn(clerk, Fixtures.PASSWORD);
        browser.get(url("/enterprises/" + site.taxCode()));
        browser.findElement(By.id("cam-number")).sendKeys("G1");
        browser.findElement(By.cssSelector("form[action$='/cameras'] button")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("đã có ca-mê-ra khác của doanh nghiệp mang số hiệu này");

        browser.findElement(By.id("cam-number")).clear();
        browser.findElement(By.id("cam-number")).sendKeys("G9");
        browser.findElement(By.cssSelector("form[action$='/cameras'] button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/cameras/G9"));
        assertThat(browser.findElement(By.id("online-requirement")).getText()).isEqualTo("Bắt buộc kết nối trực tuyến");

        browser.findElement(By.id("resolutionWidth")).sendKeys("1280");
        browser.findElement(By.id("resolutionHeight")).sendKeys("720");
        browser.findElement(By.id("frameRate")).sendKeys("thirty");
        browser.findElement(By.cssSelector("#camera-form button")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("phải là số nguyên");

        browser.findElement(By.id("frameRate")).clear();
        browser.findElement(By.id("frameRate")).sendKeys("25");
        browser.findElement(By.cssSelector("#camera-form button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("appendix-rows")).getText().contains("1280x720"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#appendix-rows tr"));
        assertThat(rows.get(3).getText()).contains("1280x720").contains("Không đạt");
        assertThat(rows.get(8).getText()).contains("25").contains("Không đạt");
    }

    @Test
    @DisplayName("R1.6 an officer registers an EPE in the browser; bad fields get their reason beside them")
    void officerRegistersAnEnterprise() {
        signIn(officer, Fixtures.PASSWORD);
        browser.get(url("/enterprises/new"));
        browser.findElement(By.id("taxCode")).sendKeys("03-ABC");
        browser.findElement(By.id("name")).sendKeys("Công ty TNHH Cơ khí Hòa Bình (DNCX)");
        browser.findElement(By.id("address")).sendKeys("Lô 20, KCX Tân Thuận, TP. Hồ Chí Minh");
        browser.findElement(By.id("contactPhone")).sendKeys("gọi sau");
        browser.findElement(By.cssSelector("form.stack button")).click();
        List<String> reasons = browser.findElements(By.cssSelector(".field-error")).stream().map(WebElement::getText).toList();
        assertThat(reasons).hasSize(2).anySatisfy(r -> assertThat(r).contains("10 chữ số")).anySatisfy(r -> assertThat(r).contains("số điện thoại"));
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Công ty TNHH Cơ khí Hòa Bình (DNCX)");

        String taxCode = "05" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        browser.findElement(By.id("taxCode")).clear();
        browser.findElement(By.id("taxCode")).sendKeys(taxCode);
        browser.findElement(By.id("contactPhone")).clear();
        browser.findElement(By.id("contactPhone")).sendKeys("028 3770 9999");
        browser.findElement(By.cssSelector("form.stack button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/enterprises/" + taxCode));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Công ty TNHH Cơ khí Hòa Bình (DNCX)");
        assertThat(browser.findElement(By.id("appendix-applicability")).getText()).isEqualTo("Chưa xác định (thiếu ngày thành lập)");
    }

    @Test
    @DisplayName("R4.6 an officer reads a declaration and every version of it received")
    void officerReadsADeclarationAndItsVersions() {
        Api api = new Api(port, fixtures.allScopesToken());
        String number = Fixtures.declarationNumber();
        Map<String, Object> declaration = new java.util.HashMap<>(Map.of("number", number, "typeCode", "E42",
                "enterpriseTaxCode", site.taxCode(), "direction", "EXPORT", "registeredAt", Instant.now().toString(),
                "status", "REGISTERED", "lane", "YELLOW", "vehiclePlates", List.of("50LD-044.11"),
                "containerNumbers", List.of("MSKU4670691")));
        api.post("/api/v1/declarations", declaration);
        declaration.put("lane", "RED");
        api.post("/api/v1/declarations", declaration);

        signIn(officer, Fixtures.PASSWORD);
        browser.get(url("/declarations"));
        WebElement table = browser.findElement(By.id("declarations"));
        assertThat(table.getText()).contains(number).contains("50LD-044.11").contains("MSKU4670691").contains("Đỏ");
        browser.findElement(By.linkText(number)).click();
        assertThat(browser.findElement(By.id("declaration")).getText()).contains("Xuất khẩu").contains("REGISTERED");
        assertThat(browser.findElements(By.cssSelector("main pre"))).hasSize(2);
    }

    @Test
    void aClerkRenamesALocationOfTheSiteDiagram() {
        signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        browser.get(url("/enterprises/" + site.taxCode()));
        browser.findElement(By.linkText("Bãi phế liệu")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().matches(".*/locations/\\d+$"));
        browser.findElement(By.id("loc-name")).clear();
        browser.findElement(By.cssSelector("form.stack button")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("bắt buộc nhập");
        browser.get(url("/enterprises/" + site.taxCode() + "/locations/" + browser.getCurrentUrl().replaceAll(".*/locations/(\\d+).*", "$1") + "?lang=en"));
        browser.findElement(By.id("loc-name")).clear();
        browser.findElement(By.cssSelector("form.stack button")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("is required");
        browser.get(url("/enterprises/" + site.taxCode() + "?lang=vi"));
        browser.findElement(By.linkText("Bãi phế liệu")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().matches(".*/locations/\\d+$"));
        browser.findElement(By.id("loc-name")).clear();
        browser.findElement(By.id("loc-name")).sendKeys("Bãi phế liệu số 2");
        browser.findElement(By.cssSelector("form.stack button")).click();
        Browser.waitFor(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/enterprises/" + site.taxCode()));
        assertThat(browser.findElement(By.linkText("Bãi phế liệu số 2")).isDisplayed()).isTrue();
    }
}
