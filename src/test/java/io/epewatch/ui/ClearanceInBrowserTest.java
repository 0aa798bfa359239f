package io.epewatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.clearance.Selectivity;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Browser;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.support.SigningCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Declaration processing in a real browser (R5.1–R5.8): the declarant files with the form and reads the customs
 * answers; the head orders a red declaration's inspection, the officer records it and clears the goods; the HQ analyst
 * previews a criterion. Random shares are 0 here so that criteria alone decide the lanes.
 */
@IntegrationTest
@org.junit.jupiter.api.Tag("browser")
class ClearanceInBrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Selectivity selectivity;
    @LocalServerPort
    int port;

    ChromeDriver browser;
    Fixtures.Site site;
    Api officerApi;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        browser = Browser.start();
        selectivity.setShares(Fixtures.ADMIN, "0", "0");
        if (selectivity.criteria().stream().noneMatch(c -> c.parameter().equals("6109"))) {
            selectivity.save(Fixtures.ADMIN, null, new Selectivity.CriterionInput("HS_CODE", "6109", "YELLOW", "test: T-shirts", true));
        }
        officerApi = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        for (String[] good : new String[][] {{"61091010", "chiếc"}, {"93032000", "khẩu"}}) {
            officerApi.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods",
                    Map.of("hsCode", good[0], "unit", good[1], "description", "Hàng thử", "quantity", "100000"));
        }
    }

    @AfterEach
    void tearDown() {
        browser.quit();
        selectivity.setShares(Fixtures.ADMIN, "0.25", "0.02");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    @DisplayName("R5.1–R5.5 the declarant files with the form, sees each refusal beside its field, registers and reads the lane and due time")
    void declarantFilesAndFollows() {
        String declarant = fixtures.user(Role.DECLARANT, null, site.taxCode());
        Browser.signIn(browser, port, declarant, Fixtures.PASSWORD, null);
        browser.get(url("/clearance/declarations?lang=vi"));
        browser.findElement(By.id("new-declaration")).click();
        assertThat(browser.findElement(By.id("enterpriseTaxCode")).getAttribute("value")).as("the account's enterprise")
                .isEqualTo(site.taxCode());
        browser.findElement(By.id("typeCode")).sendKeys("E42");
        browser.findElement(By.id("goods0-hsCode")).sendKeys("6109");
        browser.findElement(By.id("goods0-description")).sendKeys("Áo phông cotton nữ");
        browser.findElement(By.id("goods0-quantity")).sendKeys("1200");
        browser.findElement(By.id("goods0-unit")).sendKeys("chiếc");
        browser.findElement(By.id("goods0-unitPrice")).sendKeys("3.10");
        browser.findElement(By.id("goods0-origin")).sendKeys("VN");
        browser.findElement(By.id("vehicles0-plate")).sendKeys("51C-246.80");
        browser.findElement(By.id("vehicles0-containers")).sendKeys("MSKU4670691");
        browser.findElement(By.id("submit-declaration")).click();

        // refused: the reasons stand beside the fields, what was typed stays
        assertThat(Browser.errorBeside(browser, "goods[0].hsCode")).contains("8");
        assertThat(Browser.errorBeside(browser, "invoiceNumber")).isNotBlank();
        assertThat(browser.findElement(By.id("goods0-description")).getAttribute("value")).isEqualTo("Áo phông cotton nữ");
        browser.findElement(By.id("goods0-hsCode")).clear();
        browser.findElement(By.id("goods0-hsCode")).sendKeys("61091010");
        browser.findElement(By.id("invoiceNumber")).sendKeys("INV-2026-117");
        browser.findElement(By.id("submit-declaration")).click();

        awaitState("PROVISIONAL");
        String number = browser.getCurrentUrl().replaceAll(".*/", "");
        assertThat(number).matches("3\\d{11}");
        assertThat(browser.findElements(By.cssSelector("#steps tr.step-row"))).hasSize(1);
        browser.findElement(By.id("register")).click();
        awaitState("DOCUMENT_CHECK");
        assertThat(browser.findElement(By.id("dossier-lane")).getAttribute("data-lane")).isEqualTo("YELLOW");
        assertThat(browser.findElement(By.id("due-at")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("lane-decision"))).as("the criteria behind the lane are customs' own").isEmpty();
        assertThat(browser.findElements(By.id("accept-documents"))).as("a declarant does not check documents").isEmpty();
        assertThat(browser.findElement(By.id("print")).getAttribute("href")).endsWith("/clearance/declarations/" + number + "/print");


        // R5.3: the certificate registered on its page, then a signed invoice attached with its verdict beside it
        SigningCertificates.Signer signer = SigningCertificates.signer("CN=Sao Viet, O=" + site.taxCode() + ", C=VN",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(300)));
        byte[] invoice = "Hóa đơn INV-2026-117".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        browser.get(url("/clearance/certificates"));
        browser.findElement(By.id("certificate")).sendKeys(file("sao-viet.pem", signer.certificatePem().getBytes()));
        browser.findElement(By.id("register-certificate")).click();
        // the page comes back with the certificate listed: look again until it has (CI once read the page before it)
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("tr.certificate-row")).size() == 1);
        browser.get(url("/clearance/declarations/" + number));
        browser.findElement(By.id("document-file")).sendKeys(file("Hóa đơn INV-2026-117.pdf", invoice));
        browser.findElement(By.id("document-signature")).sendKeys(file("invoice.p7s", signer.sign(invoice)));
        browser.findElement(By.id("attach-document")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("tr.document-row[data-kind='INVOICE']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("tr.document-row[data-kind='INVOICE']")).getAttribute("data-signature"))
                .isEqualTo("VALID");
        assertThat(browser.findElement(By.cssSelector("tr.document-row .signature-status")).getText()).isEqualTo("chữ ký hợp lệ");

        browser.get(url("/clearance/declarations/" + number + "?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Declaration " + number).contains("Document check");
        browser.get(url("/clearance/declarations"));
        assertThat(browser.findElement(By.cssSelector("tr.dossier-row[data-number='" + number + "']")).getAttribute("data-lane"))
                .isEqualTo("YELLOW");
    }

    @Test
    @DisplayName("R5.6, R5.7 the head orders a red declaration's inspection, the officer records it with seals and clears the goods")
    void redDeclarationThroughTheChecks() {
        String number = fileAndRegister("93032000", "5", "khẩu");
        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        Browser.signIn(browser, port, headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
        browser.get(url("/clearance/inspection-orders?lang=en"));
        browser.findElement(By.cssSelector("tr.dossier-row[data-number='" + number + "'] a")).click();
        assertThat(browser.findElements(By.cssSelector("#lane-decision li.fired[data-kind='HS_CODE']")))
                .as("customs reads why it is red").isNotEmpty();
        new Select(browser.findElement(By.id("inspection-form"))).selectByValue("SCANNER_AND_MANUAL");
        browser.findElement(By.id("inspection-level")).clear();
        browser.findElement(By.id("inspection-level")).sendKeys("130");
        browser.findElement(By.id("order-inspection")).click();
        assertThat(Browser.errorBeside(browser, "level")).contains("100");
        browser.findElement(By.id("inspection-level")).clear();
        browser.findElement(By.id("inspection-level")).sendKeys("30");
        browser.findElement(By.id("order-inspection")).click();
        awaitState("INSPECTION");
        browser.manage().deleteAllCookies();

        Browser.signIn(browser, port, fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD, null);
        browser.get(url("/clearance/worklist?lane=RED"));
        assertThat(browser.findElement(By.cssSelector("tr.dossier-row[data-number='" + number + "']")).getAttribute("data-state"))
                .isEqualTo("INSPECTION");
        browser.get(url("/clearance/declarations/" + number));
        browser.findElement(By.id("record-inspection")).click();
        assertThat(Browser.errorBeside(browser, "findings")).isNotBlank();
        browser.findElement(By.id("findings")).sendKeys("Kiểm tra 30 %: đúng chủng loại, số lượng khai báo.");
        browser.findElement(By.id("seals-applied")).sendKeys("MSKU4670691 VN HQ 0012345");
        browser.findElement(By.id("record-inspection")).click();
        assertThat(Browser.errorBeside(browser, "seals[0].sealNumber")).contains("32");
        assertThat(browser.findElement(By.id("findings")).getAttribute("value")).as("what was typed stays").startsWith("Kiểm tra 30 %");
        browser.findElement(By.id("seals-applied")).clear();
        browser.findElement(By.id("seals-applied")).sendKeys("MSKU4670691 VN-HQ-0012345");
        browser.findElement(By.id("record-inspection")).click();
        awaitState("FEES_DUE");
        assertThat(browser.findElement(By.id("seals")).getText()).contains("MSKU4670691").contains("VN-HQ-0012345");
        browser.findElement(By.id("record-fees")).click();
        awaitState("CLEARED");
        assertThat(browser.findElements(By.cssSelector("#steps tr.step-row")).stream().map(r -> r.getAttribute("data-step")).toList())
                .containsSubsequence("FILED", "REGISTERED", "INSPECTION_ORDERED", "INSPECTION_RECORDED", "FEES_PAID", "CLEARED");
        browser.get(url("/clearance/worklist?lane=RED"));
        assertThat(browser.findElements(By.cssSelector("tr.dossier-row[data-number='" + number + "']"))).as("done: off the worklist").isEmpty();
    }

    @Test
    @DisplayName("R5.8 the HQ analyst previews a criterion on past registrations before saving it")
    void analystPreviewsACriterion() {
        fileAndRegister("61091010", "10", "chiếc");
        Browser.signIn(browser, port, fixtures.analyst(), Fixtures.PASSWORD, null);
        browser.get(url("/clearance/selectivity?lang=en"));
        int before = browser.findElements(By.cssSelector("tr.criterion-row")).size();
        new Select(browser.findElement(By.id("new-kind"))).selectByValue("HS_CODE");
        browser.findElement(By.id("new-parameter")).sendKeys("61,9x");
        browser.findElement(By.id("preview-new")).click();
        assertThat(Browser.errorBeside(browser, "parameter")).contains("digits");
        browser.findElement(By.id("new-parameter")).clear();
        browser.findElement(By.id("new-parameter")).sendKeys("61");
        new Select(browser.findElement(By.id("new-lane"))).selectByValue("RED");
        browser.findElement(By.id("preview-new")).click();
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#preview td.proposed[data-lane='RED']")).getText()))
                .as("the T-shirts registered yellow would go red").isPositive();
        assertThat(browser.findElements(By.cssSelector("tr.criterion-row"))).as("a preview saves nothing").hasSize(before);
    }

    private String fileAndRegister(String hs, String quantity, String unit) {
        Api declarant = new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, site.taxCode()), Fixtures.PASSWORD);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("hsCode", hs);
        line.put("description", "Hàng thử");
        line.put("quantity", quantity);
        line.put("unit", unit);
        line.put("unitPrice", "10");
        line.put("origin", "VN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "EXPORT");
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", site.taxCode());
        body.put("invoiceNumber", "INV-T-1");
        body.put("currency", "USD");
        body.put("goods", List.of(line));
        body.put("vehicles", List.of(Map.of("plate", "51C-123.45", "containerNumbers", List.of("MSKU4670691"))));
        Api.Response filed = declarant.post("/api/v1/clearance/declarations", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("declaration").get("number").asString();
        assertThat(declarant.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of()).status()).isEqualTo(200);
        return number;
    }

    /** A file on disk for a file input, named as the user's file is. */
    private static String file(String name, byte[] content) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("epewatch-upload");
            return java.nio.file.Files.write(dir.resolve(name), content).toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page after a step is a new page: wait for it rather than read the one it replaces. */
    private void awaitState(String state) {
        Browser.waitFor(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(b -> !b.findElements(By.id("dossier-state")).isEmpty()
                        && state.equals(b.findElement(By.id("dossier-state")).getAttribute("data-state")));
    }
}
