package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R6.5: support contacts per unit, kept by administrators within their unit, shown to everyone on the status page. */
@IntegrationTest
class SupportContactsTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R6.5 R6.3 a unit administrator names its own unit's contacts only; everyone reads them on the status page")
    void contactsPerUnit() {
        Fixtures.Site mine = fixtures.site();
        Fixtures.Site other = fixtures.site();
        String adminName = fixtures.user(Role.UNIT_ADMIN, mine.subDepartment().id(), null);
        Api admin = new Api(port, null).signIn(adminName, Fixtures.PASSWORD, fixtures.enrolTotp(adminName));
        long unit = mine.subDepartment().id();

        Api.Response kept = admin.put("/api/v1/support-contacts/" + unit + "/it",
                contact("Nguyễn Hoàng Anh", "(024) 3944 0833 máy lẻ: 8673", "anhnh86@customs.gov.vn"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("board").asString()).isEqualTo("IT");
        assertThat(admin.put("/api/v1/support-contacts/" + unit + "/SUPERVISION", contact("Trần Thị Giám", null, "giamsat@customs.gov.vn"))
                .status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/support-contacts/" + other.subDepartment().id() + "/IT", contact("Lê Văn Khác", "0903 111 222", null))
                .status()).as("another unit's contacts").isEqualTo(403);

        // refusals name the field and the reason
        Api.Response bad = admin.put("/api/v1/support-contacts/" + unit + "/TAX", contact("", "gọi tôi", "not-an-address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"name\"").contains("\"phone\"").contains("\"email\"");
        Api.Response unreachable = admin.put("/api/v1/support-contacts/" + unit + "/TAX", contact("Phạm Thuế", null, null));
        assertThat(unreachable.status()).isEqualTo(400);
        assertThat(unreachable.body()).contains("telephone number or an e-mail address");
        Api.Response board = admin.put("/api/v1/support-contacts/" + unit + "/CANTEEN", contact("Phạm Thuế", "0903 111 222", null));
        assertThat(board.status()).isEqualTo(400);
        assertThat(board.body()).contains("\"board\"").contains("RISK_MANAGEMENT");

        // anyone, signed in or not, reads them: on the API and on the status page, diacritics intact
        Api anyone = new Api(port, null);
        Api.Response all = anyone.get("/api/v1/support-contacts");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("Nguyễn Hoàng Anh").contains("(024) 3944 0833 máy lẻ: 8673");
        String page = anyone.get("/status?lang=vi").body();
        assertThat(page).contains("Nguyễn Hoàng Anh", "Kỹ thuật (Ban CNTT &amp; Thống kê hải quan)", "giamsat@customs.gov.vn",
                "Nghiệp vụ (Ban Giám sát quản lý về hải quan)");

        assertThat(admin.delete("/api/v1/support-contacts/" + unit + "/SUPERVISION").status()).isEqualTo(204);
        assertThat(anyone.get("/api/v1/support-contacts").body()).doesNotContain("giamsat@customs.gov.vn");
        assertThat(new Api(port, null).signIn(fixtures.user(Role.OFFICER, unit, null), Fixtures.PASSWORD)
                .delete("/api/v1/support-contacts/" + unit + "/IT").status()).as("an officer keeps none").isEqualTo(403);
    }

    private static Map<String, Object> contact(String name, String phone, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", email);
        return body;
    }
}
