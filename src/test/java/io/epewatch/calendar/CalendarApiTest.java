package io.epewatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Working days over HTTP; administrators enter the government's announcements and units' working hours. */
@IntegrationTest
class CalendarApiTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R2.3 a deadline of 10 working days across Tết, moved by an announced extra day off; bad input is named")
    void deadlinesAndAnnouncements() {
        Api reader = new Api(port, fixtures.integrationToken(ApiTokens.READ));
        // Tết 2031 is 23 January (Thursday): 22–24 January off, mùng 3–4 on the weekend give 27–28 January
        assertThat(reader.get("/api/v1/calendar/days/2031-01-23").json().at("/holiday/kind").asString()).isEqualTo("HOLIDAY");
        assertThat(reader.get("/api/v1/calendar/plus-working-days?from=2031-01-17&days=2").json().get("day").asString())
                .isEqualTo("2031-01-21");
        assertThat(reader.get("/api/v1/calendar/plus-working-days?from=2031-01-21&days=1").json().get("day").asString())
                .isEqualTo("2031-01-29");

        String adminName = fixtures.user(Role.SYSTEM_ADMIN, null, null);
        Api admin = new Api(port, null).signIn(adminName, Fixtures.PASSWORD, fixtures.enrolTotp(adminName));
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null),
                Fixtures.PASSWORD);
        Map<String, Object> extra = Map.of("dayOff", true, "reason", "Nghỉ Tết thêm một ngày",
                "source", "Thông báo (thử) của Bộ Nội vụ về lịch nghỉ Tết 2031");
        assertThat(officer.put("/api/v1/calendar/announcements/2031-01-29", extra).status()).isEqualTo(403);
        Api.Response bad = admin.put("/api/v1/calendar/announcements/29-01-2031", Map.of("dayOff", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("day", "reason", "source");
        assertThat(admin.put("/api/v1/calendar/announcements/2031-01-29", extra).status()).isEqualTo(200);
        String page = admin.get("/calendar?year=2031").body();
        assertThat(page).contains("data-day=\"2031-01-23\" data-kind=\"HOLIDAY\"")
                .contains("data-day=\"2031-01-29\" data-kind=\"ANNOUNCED\"").contains("id=\"announce-form\"");
        assertThat(officer.get("/calendar?year=2031").body()).doesNotContain("id=\"announce-form\"");
        try {
            assertThat(reader.get("/api/v1/calendar/plus-working-days?from=2031-01-21&days=1").json().get("day").asString())
                    .isEqualTo("2031-01-30");
            assertThat(jdbc.sql("select count(*) from audit_record where target = 'calendar:2031-01-29'").query(Long.class)
                    .single()).isEqualTo(1L);
        } finally {
            assertThat(admin.delete("/api/v1/calendar/announcements/2031-01-29").status()).isEqualTo(204);
        }
        assertThat(reader.get("/api/v1/calendar/working-days-between?from=2031-01-17&to=2031-01-31").json()
                .get("workingDays").asInt()).isEqualTo(5); // 20, 21, 29, 30, 31 January
        assertThat(reader.get("/api/v1/calendar/plus-working-days?from=yesterday&days=x").json().get("errors")
                .valueStream().map(e -> e.get("field").asString()).toList()).containsExactlyInAnyOrder("from", "days");
    }

    @Test
    @DisplayName("R4.1 a unit administrator sets the working hours of their own sub-department only")
    void workingHours() {
        Fixtures.Site site = fixtures.site();
        Fixtures.Site other = fixtures.site();
        String adminName = fixtures.user(Role.UNIT_ADMIN, site.subDepartment().id(), null);
        Api unitAdmin = new Api(port, null).signIn(adminName, Fixtures.PASSWORD, fixtures.enrolTotp(adminName));
        String path = "/api/v1/units/" + site.subDepartment().id() + "/working-hours";
        assertThat(unitAdmin.get(path).json().get("opens").asString()).isEqualTo("07:30:00");
        Api.Response reversed = unitAdmin.put(path, Map.of("opens", "17:00", "closes", "07:30"));
        assertThat(reversed.json().at("/errors/0/field").asString()).isEqualTo("closes");
        assertThat(unitAdmin.put(path, Map.of("opens", "07:00", "closes", "16:00")).status()).isEqualTo(200);
        assertThat(unitAdmin.get(path).json().get("closes").asString()).isEqualTo("16:00:00");
        // the same on the calendar page, a wrong time named beside its field
        assertThat(unitAdmin.form("/calendar/working-hours", "opens=07:15&closes=bảy giờ").body()).contains("data-field=\"closes\"");
        unitAdmin.form("/calendar/working-hours", "opens=07:15&closes=16:15");
        assertThat(unitAdmin.get("/calendar").body()).contains("07:15 – 16:15");
        assertThat(unitAdmin.put("/api/v1/units/" + other.subDepartment().id() + "/working-hours",
                Map.of("opens", "07:00", "closes", "16:00")).status()).isEqualTo(403);
    }
}
