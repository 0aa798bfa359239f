package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R5.1: a declarant's software declares over the API with the declarant's own token, as the declarant, 24/7. */
@IntegrationTest
class PersonalTokenTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R5.1 the declarant issues a token on its page, its software files with it as the declarant, and a revoked token is refused")
    void declarantSoftwareFilesWithItsToken() {
        Fixtures.Site site = fixtures.site();
        new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD)
                .put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods",
                        Map.of("hsCode", "85423100", "unit", "chiếc", "description", "Vi mạch", "quantity", "1000"));
        String name = fixtures.user(Role.DECLARANT, null, site.taxCode());
        Api declarant = new Api(port, null).signIn(name, Fixtures.PASSWORD);
        String page = declarant.get("/clearance/certificates").body();
        assertThat(declarant.form("/clearance/tokens", "label=x&expiresOn=30-06-2027", Api.csrfFrom(page)).body())
                .as("refused beside the fields").contains("data-field=\"label\"").contains("data-field=\"expiresAt\"");
        String issued = declarant.form("/clearance/tokens", "label=" + Api.encode("Phần mềm khai báo ECUS") + "&expiresOn=2099-01-01",
                Api.csrfFrom(page)).body();
        Matcher secret = Pattern.compile("id=\"new-token\">(epw_[A-Za-z0-9_-]+)<").matcher(issued);
        assertThat(secret.find()).as(issued).isTrue();

        Api software = new Api(port, secret.group(1));
        Map<String, Object> line = new LinkedHashMap<>(Map.of("hsCode", "85423100", "description", "Vi mạch", "quantity", "5",
                "unit", "chiếc", "unitPrice", "2", "origin", "VN"));
        Api.Response filed = software.post("/api/v1/clearance/declarations", Map.of("direction", "EXPORT", "typeCode", "E42",
                "enterpriseTaxCode", site.taxCode(), "invoiceNumber", "INV-TOKEN-1", "currency", "USD", "goods", List.of(line)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("declaration").get("declarant").asString()).isEqualTo(name);
        assertThat(software.get("/api/v1/warnings").status()).as("the declarant's rights, no more").isEqualTo(403);

        String listed = declarant.get("/clearance/certificates").body();
        assertThat(listed).contains("Phần mềm khai báo ECUS").doesNotContain(secret.group(1));
        Matcher revoke = Pattern.compile("/clearance/tokens/(\\d+)/revoke").matcher(listed);
        assertThat(revoke.find()).isTrue();
        declarant.form("/clearance/tokens/" + revoke.group(1) + "/revoke", "", Api.csrfFrom(listed));
        assertThat(software.get("/api/v1/clearance/declarations").status()).isEqualTo(401);
    }
}
