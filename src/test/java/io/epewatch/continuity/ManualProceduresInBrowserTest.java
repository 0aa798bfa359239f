package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R5.9 in a real browser: while both clearance systems were down a declarant proceeded on paper; the officer of the
 * managing unit records the manual procedure, is told beside each field what is wrong, and once the system is back
 * links the electronic declaration that regularises it. Kept within the unit; recording it twice keeps it once.
 */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class ManualProceduresInBrowserTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R5.9 an officer records a manual procedure, with errors beside the fields, and links its electronic declaration")
    void recordAndRegularise() {
        Fixtures.Site site = fixtures.site();
        Fixtures.Site other = fixtures.site();
        String officerName = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        Api officer = new Api(port, null).signIn(officerName, Fixtures.PASSWORD);
        String mine = fileDeclaration(officer, site.taxCode());
        String theirs = fileDeclaration(new Api(port, null).signIn(fixtures.user(Role.OFFICER, other.subDepartment().id(), null),
                Fixtures.PASSWORD), other.taxCode());
        String neighbour = fileDeclaration(officer, fixtures.siteIn(site.subDepartment()).taxCode());
        String received = LocalDateTime.now(VIETNAM).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString();

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(10));
            Browser.signIn(browser, port, officerName, Fixtures.PASSWORD, null);
            browser.get(url("/clearance/manual?lang=vi"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thủ tục thủ công khi hệ thống gặp sự cố");
            browser.findElement(By.id("nav-manual")).isDisplayed();

            // garbage first: each reason beside its field, nothing written
            type(browser, "enterpriseTaxCode", site.taxCode());
            type(browser, "paperReference", "TKG-2026/001");
            type(browser, "typeCode", "42");
            setDateTime(browser, "receivedAt", LocalDateTime.now(VIETNAM).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());
            browser.findElement(By.id("record-button")).click();
            wait.until(b -> !b.findElements(By.cssSelector(".field-error[data-field='goods']")).isEmpty());
            assertThat(error(browser, "typeCode")).isEqualTo("phải là mã loại hình như E31, E42 hoặc E52");
            assertThat(error(browser, "receivedAt")).isEqualTo("không được là ngày trong tương lai");
            assertThat(browser.findElement(By.id("paperReference")).getAttribute("value")).as("what was typed stays").isEqualTo("TKG-2026/001");
            assertThat(count(site.taxCode())).isZero();

            type(browser, "typeCode", "E42");
            setDateTime(browser, "receivedAt", received);
            type(browser, "goods", "Vi mạch tích hợp — 500 chiếc, tờ khai giấy tiếp nhận tại cổng KCX");
            browser.findElement(By.id("record-button")).click();
            wait.until(b -> !b.findElements(By.id("outcome")).isEmpty());
            assertThat(browser.findElement(By.id("outcome")).getText()).startsWith("Đã ghi nhận thủ tục thủ công số");
            long id = jdbc.sql("select id from manual_procedure where enterprise_tax_code = ?").param(site.taxCode()).query(Long.class).single();
            WebElement row = browser.findElement(By.cssSelector("tr[data-id='" + id + "']"));
            assertThat(row.getAttribute("data-open")).isEqualTo("true");
            assertThat(row.getText()).contains("TKG-2026/001", "E42", "Vi mạch tích hợp — 500 chiếc", officerName);

            // the same paper declaration again: the record already kept; with other goods: refused, naming the field
            Map<String, Object> again = new LinkedHashMap<>(Map.of("enterpriseTaxCode", site.taxCode(), "paperReference", "TKG-2026/001",
                    "typeCode", "E42", "receivedAt", received + ":00+07:00", "goods", "Vi mạch tích hợp — 500 chiếc, tờ khai giấy tiếp nhận tại cổng KCX"));
            Api.Response repeated = officer.post("/api/v1/manual-procedures", again);
            assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
            assertThat(repeated.json().get("id").asLong()).isEqualTo(id);
            again.put("goods", "Áo phông cotton");
            Api.Response differs = officer.post("/api/v1/manual-procedures", again);
            assertThat(differs.status()).isEqualTo(400);
            assertThat(differs.body()).contains("\"paperReference\"");
            assertThat(count(site.taxCode())).isEqualTo(1);

            // another unit's declaration is out of sight, another enterprise's does not regularise it; its own does
            regularise(browser, id, theirs);
            wait.until(b -> !b.findElements(By.cssSelector(".field-error[data-field='declarationNumber']")).isEmpty());
            assertThat(error(browser, "declarationNumber")).isEqualTo("không có tờ khai " + theirs + " mà bạn được xem");
            regularise(browser, id, neighbour);
            wait.until(b -> error(b, "declarationNumber").startsWith("thuộc doanh nghiệp khác"));
            assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "']")).getAttribute("data-open")).isEqualTo("true");
            regularise(browser, id, mine);
            wait.until(b -> "false".equals(b.findElement(By.cssSelector("tr[data-id='" + id + "']")).getAttribute("data-open")));
            assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "'] a")).getText()).isEqualTo(mine);

            browser.get(url("/clearance/manual?lang=en&open=true"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Manual procedures during a system outage");
            assertThat(browser.findElements(By.cssSelector("tr[data-id='" + id + "']"))).as("no longer open").isEmpty();
        } finally {
            browser.quit();
        }

        // kept within the managing unit: another unit's officer neither reads nor regularises it; a declarant reads none
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, other.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/api/v1/manual-procedures").body()).doesNotContain(site.taxCode());
        long id = jdbc.sql("select id from manual_procedure where enterprise_tax_code = ?").param(site.taxCode()).query(Long.class).single();
        assertThat(stranger.get("/api/v1/manual-procedures/" + id).status()).isEqualTo(403);
        assertThat(stranger.post("/api/v1/manual-procedures", Map.of("enterpriseTaxCode", site.taxCode(), "paperReference", "X-1",
                "typeCode", "E42", "receivedAt", received + ":00+07:00", "goods", "x")).status()).isEqualTo(403);
        Api declarant = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, site.taxCode()), Fixtures.PASSWORD);
        assertThat(declarant.get("/api/v1/manual-procedures").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_record where target = ? and action = 'MANUAL_PROCEDURE'")
                .param("manual:" + id).query(Long.class).single()).as("recorded and regularised").isEqualTo(2);
    }

    private String fileDeclaration(Api officer, String taxCode) {
        assertThat(officer.put("/api/v1/clearance/enterprises/" + taxCode + "/goods",
                Map.of("hsCode", "85423100", "unit", "chiếc", "description", "Vi mạch tích hợp", "quantity", "1000000")).status()).isEqualTo(200);
        Api declarant = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, taxCode), Fixtures.PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>(PairLoad.body("manual-" + taxCode, 0)); // the pair's, for this enterprise
        body.put("enterpriseTaxCode", taxCode);
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("declaration").get("number").asString();
    }

    private void regularise(ChromeDriver browser, long id, String number) {
        WebElement field = browser.findElement(By.cssSelector("tr[data-id='" + id + "'] input[name=declarationNumber]"));
        field.clear();
        field.sendKeys(number);
        browser.findElement(By.cssSelector("tr[data-id='" + id + "'] form button[type=submit]")).click();
    }

    private long count(String taxCode) {
        return jdbc.sql("select count(*) from manual_procedure where enterprise_tax_code = ?").param(taxCode).query(Long.class).single();
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A datetime-local field takes its value best from script: typing depends on the browser's locale. */
    private static void setDateTime(ChromeDriver browser, String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static String error(org.openqa.selenium.WebDriver browser, String field) {
        return browser.findElement(By.cssSelector(".field-error[data-field='" + field + "']")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
