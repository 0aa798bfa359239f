package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.AppProcess;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * R6.1 in a real browser: the public status page during an outage, customs IT confirming the takeover there, and the
 * reconciliation report on the primary once it is back — in Vietnamese, as the officers read it.
 */
@org.junit.jupiter.api.Tag("browser")
class PairInBrowserTest {

    private static final String SECRET = "pair-secret-for-the-browser-tour-0123456789";

    @Test
    @DisplayName("R6.1 tour: the status page in an outage, the IT admin confirms the takeover, the reconciliation report")
    void outageTour() throws Exception {
        Path primaryDir = Files.createTempDirectory("epewatch-primary");
        Path backupDir = Files.createTempDirectory("epewatch-backup");
        String[] common = {"--epewatch.pair.secret=" + SECRET, "--epewatch.pair.lease=1s", "--epewatch.camera.monitor.enabled=false",
                "--epewatch.recognition.watch.enabled=false", "--epewatch.security.mfa-required-roles=HEAD",
                "--epewatch.pair.directory-sync=1s"};
        int backupPort = AppProcess.freePort();
        String[] primaryArgs = PairInstances.args(common, "--epewatch.pair.peer=http://127.0.0.1:" + backupPort);
        AppProcess primary = AppProcess.start(PairMember.class, primaryDir, "primary", primaryArgs).awaitHealthy(Duration.ofMinutes(3));
        int primaryPort = primary.port();
        ChromeDriver browser = Browser.start();
        try (AppProcess backup = AppProcess.start(PairMember.class, backupPort, backupDir, "backup", PairInstances.args(common,
                "--epewatch.pair.role=BACKUP", "--epewatch.pair.watch-window=1500ms", "--epewatch.pair.takeover=CONFIRMED"))
                .awaitHealthy(Duration.ofMinutes(3))) {
            WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + backupPort + "/status?lang=vi");
            assertThat(browser.findElement(By.id("intake")).getAttribute("data-state")).isEqualTo("STANDBY");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Hệ thống thông quan dự phòng", "Không tiếp nhận tờ khai");

            // R6.3: an account opened on the primary reaches the backup without its password; customs IT there issues a
            // one-time password, which the officer changes at first sign-in
            Api primaryAdmin = new Api(primaryPort, null).signIn(PairMember.ADMIN, Fixtures.PASSWORD);
            long unit = 0;
            for (var u : primaryAdmin.get("/api/v1/units").json()) {
                unit = u.get("code").asString().equals("SPAIR") ? u.get("id").asLong() : unit;
            }
            Api.Response opened = primaryAdmin.post("/api/v1/users", Map.of("username", "officer.pair", "displayName", "Lê Văn Trực Ca",
                    "unitId", unit, "role", "OFFICER"));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            Api backupAdmin = new Api(backupPort, null).signIn(PairMember.ADMIN, Fixtures.PASSWORD);
            wait.until(b -> backupAdmin.get("/api/v1/users").body().contains("Lê Văn Trực Ca"));
            assertThat(new Api(backupPort, null).signInAttempt("officer.pair", opened.json().get("initialPassword").asString()))
                    .as("the primary's password does not travel").contains("/login?error");
            Browser.signIn(browser, backupPort, PairMember.ADMIN, Fixtures.PASSWORD, null);
            browser.get("http://localhost:" + backupPort + "/admin/users?lang=vi");
            assertThat(browser.findElement(By.id("mirror-notice")).getText()).contains("đồng bộ từ hệ thống chính");
            browser.findElement(By.cssSelector("button[data-user='officer.pair']")).click();
            String oneTime = wait.until(b -> b.findElement(By.id("one-time-password"))).getText();
            Api officer = new Api(backupPort, null).signIn("officer.pair", oneTime);
            assertThat(officer.form("/account/password", "currentPassword=" + Api.encode(oneTime)
                    + "&newPassword=" + Api.encode("Trực ca dự phòng 2026") + "&repeatPassword=" + Api.encode("Trực ca dự phòng 2026"))
                    .status()).isEqualTo(302);
            assertThat(officer.get("/api/v1/system-status").status()).isEqualTo(200);
            assertThat(officer.get("/api/v1/enterprises").status()).as("signed in on the backup as an officer of SPAIR").isEqualTo(200);

            // R6.4: an enterprise registered on the primary, with its goods, reaches the backup in its unit's scope
            Map<String, Object> firm = new java.util.LinkedHashMap<>();
            firm.put("taxCode", "0399999902");
            firm.put("name", "Công ty TNHH Điện tử Nhà Bè (DNCX)");
            firm.put("address", "Lô 12, KCX Tân Thuận");
            firm.put("establishedOn", "2024-03-01");
            firm.put("investmentCertificateOn", "2024-02-15");
            firm.put("operatingWithCameras", false);
            firm.put("managingUnitId", unit);
            assertThat(primaryAdmin.post("/api/v1/enterprises", firm).status()).isEqualTo(201);
            assertThat(primaryAdmin.put("/api/v1/clearance/enterprises/0399999902/goods", Map.of("hsCode", "85423900", "unit", "chiếc",
                    "description", "Linh kiện điện tử", "quantity", "5000")).status()).isEqualTo(200);
            wait.until(b -> officer.get("/api/v1/clearance/enterprises/0399999902/goods").body().contains("Linh kiện điện tử"));
            assertThat(officer.get("/api/v1/enterprises/0399999902").json().get("name").asString())
                    .isEqualTo("Công ty TNHH Điện tử Nhà Bè (DNCX)");

            browser.manage().deleteAllCookies(); // signed out again: the outage is public
            browser.get("http://localhost:" + backupPort + "/status?lang=vi");

            primary.kill();
            // anyone sees the outage on the backup's public page; nobody may confirm without signing in
            wait.until(b -> {
                b.navigate().refresh();
                return "PRIMARY_DOWN".equals(b.findElement(By.id("intake")).getAttribute("data-state"));
            });
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("chờ bộ phận CNTT hải quan xác nhận");
            assertThat(browser.findElements(By.id("confirm-takeover"))).isEmpty();
            Api declarantOnBackup = new Api(backupPort, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
            assertThat(declarantOnBackup.post("/api/v1/clearance/declarations", PairLoad.body("before-confirm", 0)).json()
                    .get("state").asString()).isEqualTo("PRIMARY_DOWN");

            Browser.signIn(browser, backupPort, PairMember.ADMIN, Fixtures.PASSWORD, null);
            browser.get("http://localhost:" + backupPort + "/status?lang=vi");
            browser.findElement(By.id("confirm-takeover")).click();
            wait.until(b -> "ACCEPTING".equals(b.findElement(By.id("intake")).getAttribute("data-state")));
            assertThat(browser.findElement(By.id("outcome")).getText()).contains("tiếp nhận tờ khai từ bây giờ");
            assertThat(browser.findElement(By.id("reason")).getText()).contains(PairMember.ADMIN);

            // R5.9: the outage notice was drafted when the primary was declared down; customs IT publishes it here
            assertThat(browser.findElement(By.id("outage-drafts")).getText()).contains("Phải công bố trước");
            browser.findElement(By.cssSelector("#outage-drafts form button[type=submit]")).click();
            wait.until(b -> b.findElement(By.id("outcome")).getText().contains("Đã công bố"));
            assertThat(new Api(backupPort, null).get("/status?lang=vi").body()).as("public, without signing in")
                    .contains("Thông báo sự cố hệ thống thông quan điện tử", "Hệ thống thông quan điện tử gặp sự cố từ");
            assertThat(declarantOnBackup.get("/api/v1/notifications").body()).contains("Thông báo sự cố hệ thống thông quan điện tử");

            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Api.Response filed = declarantOnBackup.post("/api/v1/clearance/declarations", PairLoad.body("outage-" + i, 0));
                assertThat(filed.status()).as(filed.body()).isEqualTo(201);
                String number = filed.json().get("declaration").get("number").asString();
                assertThat(declarantOnBackup.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of()).status())
                        .isEqualTo(200);
                taken.add(number);
            }

            primary = AppProcess.start(PairMember.class, primaryPort, primaryDir, "primary", primaryArgs).awaitHealthy(Duration.ofMinutes(3));
            wait.until(b -> {
                b.get("http://localhost:" + primaryPort + "/status");
                return "ACCEPTING".equals(b.findElement(By.id("intake")).getAttribute("data-state"));
            });
            // the end-of-outage notice waits for customs IT on the backup (signed in again: the two instances share the
            // host name, so their session cookies replace each other in one browser)
            Browser.signIn(browser, backupPort, PairMember.ADMIN, Fixtures.PASSWORD, null);
            browser.get("http://localhost:" + backupPort + "/status?lang=vi");
            assertThat(browser.findElement(By.id("outage-drafts")).getText()).contains("hoạt động trở lại");
            browser.findElement(By.cssSelector("#outage-drafts form button[type=submit]")).click();
            wait.until(b -> b.findElement(By.id("outcome")).getText().contains("Đã công bố"));
            // both notices show on the primary's public page too, where enterprises look once it is back
            wait.until(b -> {
                String page = new Api(primaryPort, null).get("/status?lang=vi").body();
                return page.contains("Thông báo sự cố hệ thống thông quan điện tử")
                        && page.contains("Thông báo hệ thống thông quan điện tử hoạt động trở lại");
            });
            Browser.signIn(browser, primaryPort, PairMember.ADMIN, Fixtures.PASSWORD, null);
            browser.get("http://localhost:" + primaryPort + "/clearance/reconciliation?lang=vi");
            assertThat(browser.findElement(By.id("totals")).getText())
                    .isEqualTo("Hệ thống dự phòng tiếp nhận 3 tờ khai; hệ thống chính đã xác nhận 3; sai lệch 0.");
            for (String number : taken) {
                assertThat(browser.findElement(By.cssSelector("tr[data-number='" + number + "']")).getAttribute("data-standing"))
                        .isEqualTo("CONFIRMED");
            }
            browser.get("http://localhost:" + primaryPort + "/clearance/reconciliation?lang=en");
            assertThat(browser.findElement(By.id("totals")).getText())
                    .isEqualTo("The backup accepted 3 declarations; the primary confirmed 3; differences: 0.");
            Api admin = new Api(primaryPort, null).signIn(PairMember.ADMIN, Fixtures.PASSWORD);
            Api.Response pdf = admin.get("/clearance/reconciliation.pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf");
            Api.Response xlsx = admin.get("/clearance/reconciliation.xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            // a declarant does not read it
            Api declarant = new Api(primaryPort, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
            assertThat(declarant.get("/clearance/reconciliation.pdf").status()).isEqualTo(403);
        } finally {
            browser.quit();
            primary.close();
        }
    }
}
