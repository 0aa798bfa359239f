package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R6.2: a customs broker declares for the enterprises that authorised it, only while the mandate stands, and sees nothing else. */
@IntegrationTest
class BrokerMandateTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    private Map<String, Object> export(String taxCode) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("hsCode", "85423100", "description", "Vi mạch", "quantity", "10",
                "unit", "chiếc", "unitPrice", "2", "origin", "VN"));
        return new LinkedHashMap<>(Map.of("direction", "EXPORT", "typeCode", "E42", "enterpriseTaxCode", taxCode,
                "invoiceNumber", "INV-BROKER-1", "currency", "USD", "goods", List.of(line)));
    }

    @Test
    @DisplayName("R6.2 the broker files for an enterprise once it is authorised, and no longer once the mandate is revoked")
    void mandateOpensAndCloses() {
        Fixtures.Site site = fixtures.site();
        Fixtures.Site other = fixtures.site();
        new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD)
                .put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods",
                        Map.of("hsCode", "85423100", "unit", "chiếc", "description", "Vi mạch", "quantity", "1000"));
        String brokerName = fixtures.user(Role.DECLARANT, null, null);
        Api broker = new Api(port, null).signIn(brokerName, Fixtures.PASSWORD);
        Api enterprise = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);

        Api.Response before = broker.post("/api/v1/clearance/declarations", export(site.taxCode()));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.body()).contains("enterpriseTaxCode").contains("authorised");

        String mandates = "/api/v1/clearance/enterprises/" + site.taxCode() + "/mandates";
        Api.Response notADeclarant = enterprise.post(mandates, Map.of("declarant", fixtures.user(Role.EPE_USER, null, other.taxCode())));
        assertThat(notADeclarant.status()).isEqualTo(400);
        assertThat(notADeclarant.body()).contains("declarant");
        assertThat(enterprise.post(mandates, Map.of("declarant", brokerName, "validUntil", "31/12/2027")).body()).contains("validUntil");
        Api.Response granted = enterprise.post(mandates, Map.of("declarant", brokerName, "validUntil", "2099-12-31"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(enterprise.post(mandates, Map.of("declarant", brokerName)).status()).as("one mandate at a time").isEqualTo(400);
        assertThat(new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, other.taxCode()), Fixtures.PASSWORD)
                .post(mandates, Map.of("declarant", brokerName)).status()).as("another enterprise cannot grant it").isEqualTo(404);

        Api.Response filed = broker.post("/api/v1/clearance/declarations", export(site.taxCode()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("declaration").get("number").asString();
        assertThat(broker.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of()).status()).isEqualTo(200);
        assertThat(broker.get("/api/v1/clearance/declarations").body()).contains(number);
        assertThat(broker.post("/api/v1/clearance/declarations", export(other.taxCode())).status())
                .as("not authorised by the other enterprise").isEqualTo(400);
        assertThat(broker.get("/api/v1/enterprises/" + site.taxCode() + "/cameras").status())
                .as("a broker sees the declarations, not the cameras").isIn(403, 404);

        long id = granted.json().get("id").asLong();
        assertThat(enterprise.delete(mandates + "/" + id).status()).isEqualTo(204);
        assertThat(broker.get("/api/v1/clearance/declarations/" + number).status()).isEqualTo(404);
        assertThat(broker.post("/api/v1/clearance/declarations", export(site.taxCode())).status()).isEqualTo(400);
        Api.Response own = enterprise.get("/api/v1/clearance/declarations/" + number);
        assertThat(own.status()).as("the enterprise follows its declarations, whoever filed them").isEqualTo(200);
        assertThat(own.body()).as("without customs' targeting").doesNotContain("draw");
        assertThat(enterprise.post("/api/v1/clearance/declarations", export(site.taxCode())).status())
                .as("but files none: that is the declarant's").isEqualTo(403);
    }
}
