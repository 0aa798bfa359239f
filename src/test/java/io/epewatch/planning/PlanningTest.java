package io.epewatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A head draws next month's plan, adjusts a check, officers record results, the plan is exported (R4.1–R4.3). */
@IntegrationTest
class PlanningTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkingDays workingDays;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R4.1–R4.3 every EPE of the sub-department is planned; results are recorded on the day; the plan exports to Excel")
    void planCheckExport() throws Exception {
        Fixtures.Site site = fixtures.site();
        fixtures.siteIn(site.subDepartment());
        fixtures.siteIn(site.subDepartment());
        String headName = fixtures.user(Role.HEAD, site.subDepartment().id(), null);
        Api head = new Api(port, null).signIn(headName, Fixtures.PASSWORD, fixtures.enrolTotp(headName));
        String first = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String second = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        String stranger = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        Api officer = new Api(port, null).signIn(first, Fixtures.PASSWORD);
        String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMonths(1).toString();

        assertThat(officer.post("/api/v1/plans", Map.of("month", month, "capacity", Map.of(first, 5))).status()).isEqualTo(403);
        Api.Response refused = head.post("/api/v1/plans", Map.of("month", month, "capacity", Map.of(first, 3, stranger, 3)));
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("capacity." + stranger);
        assertThat(head.post("/api/v1/plans", Map.of("month", "tháng 12", "capacity", Map.of(first, 3))).json()
                .at("/errors/0/field").asString()).isEqualTo("month");

        Api.Response drawn = head.post("/api/v1/plans", Map.of("month", month, "capacity", Map.of(first, 2, second, 2)));
        assertThat(drawn.status()).isEqualTo(201);
        JsonNode checks = drawn.json().get("checks");
        assertThat(checks.valueStream().filter(c -> !c.get("unscheduled").asBoolean()).map(c -> c.get("enterpriseTaxCode").asString())
                .distinct().count()).isEqualTo(3);
        assertThat(checks.valueStream().filter(c -> c.get("unscheduled").asBoolean()).count()).isEqualTo(1);
        assertThat(checks).allSatisfy(c -> assertThat(c.get("officer").asString()).isIn(first, second));

        // the head moves one of the first officer's checks to the latest working day up to today, to record it
        long id = checks.valueStream().filter(c -> c.get("officer").asString().equals(first)).findFirst().orElseThrow()
                .get("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate day = workingDays.calendar().plusWorkingDays(today.plusDays(1), -1);
        assertThat(head.post("/api/v1/checks/" + id + "/move", Map.of("at", day + "T18:00")).json().at("/errors/0/field")
                .asString()).isEqualTo("at");
        assertThat(head.post("/api/v1/checks/" + id + "/move", Map.of("at", day + "T08:00")).status()).isEqualTo(200);
        if (day.equals(today)) { // on a working day the officer is reminded of it in the app (R4.1)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> officer.get("/api/v1/notifications")
                    .json().valueStream().anyMatch(n -> n.get("kind").asString().equals("CHECK_DUE_TODAY")));
        }
        assertThat(officer.get("/api/v1/checks/mine?from=" + day + "&to=" + day).json().valueStream()
                .map(c -> c.get("id").asLong()).toList()).contains(id);
        JsonNode recorded = officer.post("/api/v1/checks/" + id + "/result", Map.of("camerasOnline", true,
                "imagesMatchLogbook", true, "gateLogConsistent", false, "remarks", "Sổ theo dõi thủ công thiếu 2 lượt xe ra")).json();
        assertThat(recorded.at("/result/gateLogConsistent").asBoolean()).isFalse();
        assertThat(head.post("/api/v1/plans", Map.of("month", month, "capacity", Map.of(first, 2, second, 2))).json()
                .at("/errors/0/field").asString()).as("no redraw once results are in").isEqualTo("month");

        assertThat(head.get("/plans?month=" + month).body()).contains("id=\"plan-checks\"").contains("Công ty TNHH Thử nghiệm");
        // the head moves a check from the plan page: refused outside working hours, beside the field
        long other = checks.valueStream().filter(c -> c.get("id").asLong() != id).findFirst().orElseThrow().get("id").asLong();
        String otherDay = checks.valueStream().filter(c -> c.get("id").asLong() == other).findFirst().orElseThrow()
                .get("at").asString().substring(0, 10);
        assertThat(head.form("/plans/checks/" + other + "/move", "month=" + month + "&at=" + otherDay + "T20:00&officer=" + second)
                .body()).contains("data-field=\"at\"");
        assertThat(head.form("/plans/checks/" + other + "/move", "month=" + month + "&at=" + otherDay + "T09:00&officer=" + second)
                .status()).isIn(302, 303, 200);
        assertThat(head.get("/api/v1/plans/" + month).json().get("checks").valueStream()
                .filter(c -> c.get("id").asLong() == other).findFirst().orElseThrow().get("officer").asString()).isEqualTo(second);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(head.getBytes("/api/v1/plans/" + month + "/export.pdf"))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("KẾ HOẠCH KIỂM TRA").contains("Công ty TNHH Thử").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .as("officers and the planner by name, with the signature block").contains("Người dùng thử " + second)
                    .contains("NGƯỜI LẬP").contains("CHI CỤC TRƯỞNG");
        }
        assertThat(officer.get("/checks").body()).contains("data-id=\"" + id + "\"");

        byte[] xlsx = head.getBytes("/api/v1/plans/" + month + "/export.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2 + checks.size());
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("Kế hoạch kiểm tra");
        }
    }
}
