package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Officers keep the registry through the API with their session; the law's results come back with it (R1.4, R1.7, R1.8). */
@IntegrationTest
class RegistryApiTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    Fixtures.Site site;
    Api officer;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
    }

    private Map<String, Object> enterprise(String taxCode, long unitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taxCode", taxCode);
        body.put("name", "Công ty TNHH Bao bì Đồng Nai (DNCX)");
        body.put("address", "Lô 7, KCN Long Thành, Đồng Nai");
        body.put("establishedOn", "2021-06-01");
        body.put("investmentCertificateOn", "2021-05-20");
        body.put("operatingWithCameras", true);
        body.put("contactPhone", "0251 3 555 666");
        body.put("managingUnitId", unitId);
        return body;
    }

    private static String newTaxCode() {
        return "04" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999) + "-001";
    }

    @Test
    @DisplayName("R1.8 an officer registers an EPE of their sub-department and sees whether Appendix I applies")
    void officerRegistersAnEnterprise() {
        String taxCode = newTaxCode();
        Api.Response created = officer.post("/api/v1/enterprises", enterprise(taxCode, site.subDepartment().id()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("appendixI").asString()).isEqualTo("EXEMPT_OPERATING_WITH_CAMERAS");

        Map<String, Object> changed = enterprise(taxCode, site.subDepartment().id());
        changed.put("operatingWithCameras", false);
        assertThat(officer.put("/api/v1/enterprises/" + taxCode, changed).json().get("appendixI").asString()).isEqualTo("APPLIES");
        assertThat(officer.get("/api/v1/enterprises").json().valueStream().map(e -> e.get("taxCode").asString()))
                .contains(taxCode, site.taxCode());
    }

    @Test
    void registrationIsRefusedFieldByField() {
        Fixtures.Site elsewhere = fixtures.site();
        Map<String, Object> body = enterprise("12345", elsewhere.subDepartment().id());
        body.put("contactPhone", "call me");
        body.put("name", " ");
        Api.Response refused = officer.post("/api/v1/enterprises", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("taxCode", "name", "contactPhone", "managingUnitId");
        assertThat(officer.post("/api/v1/enterprises", enterprise(site.taxCode(), site.subDepartment().id()))
                .json().at("/errors/0/reason").asString()).contains("already registered");
    }

    @Test
    @DisplayName("R1.4 R1.7 camera numbers are unique per enterprise and re-classifying a location changes the online requirement")
    void siteDiagramKeepsTheLawInView() {
        String path = "/api/v1/enterprises/" + site.taxCode();
        JsonNode yard = officer.get(path + "/locations").json().valueStream()
                .filter(l -> l.get("kind").asString().equals("YARD")).findFirst().orElseThrow();
        Map<String, Object> camera = new LinkedHashMap<>();
        camera.put("number", "G1");
        camera.put("locationId", yard.get("id").asLong());
        camera.put("streamUrl", "rtsp://admin:secret@192.0.2.7/stream");
        Api.Response refused = officer.post(path + "/cameras", camera);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("number", "streamUrl");

        camera.put("number", "Y2");
        camera.put("streamUrl", "rtsp://192.0.2.7/stream");
        camera.put("specs", Map.of("resolutionWidth", 1280, "resolutionHeight", 720, "frameRate", 25, "onvif", true));
        JsonNode created = officer.post(path + "/cameras", camera).json();
        assertThat(created.get("mustConnectOnline").asBoolean()).isTrue();
        assertThat(created.get("appendixIApplies").asBoolean()).isTrue();
        assertThat(created.get("appendixIFailedRows").valueStream().map(JsonNode::asInt)).containsExactly(3, 8);

        Map<String, Object> other = Map.of("name", "Bãi phế liệu", "kind", "OTHER_REQUIRED", "goods", List.of());
        assertThat(officer.put(path + "/locations/" + yard.get("id").asLong(), other).status()).isEqualTo(200);
        JsonNode y2 = officer.get(path + "/cameras").json().valueStream()
                .filter(c -> c.get("number").asString().equals("Y2")).findFirst().orElseThrow();
        assertThat(y2.get("mustConnectOnline").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("SSRF guard: a camera may not point at this server, link-local or metadata addresses; private ranges are fine")
    void cameraUrlsCannotPointAtTheServerItself() {
        String path = "/api/v1/enterprises/" + site.taxCode() + "/cameras";
        long gate = officer.get("/api/v1/enterprises/" + site.taxCode() + "/locations").json().valueStream()
                .filter(l -> l.get("kind").asString().equals("GATE")).findFirst().orElseThrow().get("id").asLong();
        for (String url : List.of("rtsp://127.0.0.1:554/live", "http://localhost/snapshot.jpg", "http://169.254.169.254/latest/meta-data",
                "rtsp://[::1]/live", "http://0.0.0.0/x", "rtsp://[fe80::1]/live")) {
            Api.Response refused = officer.post(path, Map.of("number", "X9", "locationId", gate, "streamUrl", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asString()).as(url).isEqualTo("urlForbiddenHost");
        }
        assertThat(officer.post(path, Map.of("number", "X9", "locationId", gate, "streamUrl", "rtsp://10.20.30.40:554/Streaming/Channels/101"))
                .status()).isEqualTo(201);
    }

    @Test
    void anEpeUserKeepsItsOwnDiagramOnly() {
        Fixtures.Site other = fixtures.site();
        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        Map<String, Object> location = Map.of("name", "Kho thành phẩm 2", "kind", "WAREHOUSE_GATE", "goods", List.of("FINISHED"));
        assertThat(clerk.post("/api/v1/enterprises/" + site.taxCode() + "/locations", location).status()).isEqualTo(201);
        assertThat(clerk.post("/api/v1/enterprises/" + other.taxCode() + "/locations", location).status()).isEqualTo(404);
        assertThat(clerk.post("/api/v1/enterprises", enterprise(newTaxCode(), site.subDepartment().id())).status()).isEqualTo(403);
        assertThat(clerk.get("/api/v1/enterprises").json().valueStream().map(e -> e.get("taxCode").asString()))
                .containsExactly(site.taxCode());
    }

    @Test
    void aSessionWithoutTheCsrfTokenCannotWrite() {
        String taxCode = newTaxCode();
        Api.Response forged = officer.withoutCsrf().post("/api/v1/enterprises", enterprise(taxCode, site.subDepartment().id()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(fixtures.count("enterprise where tax_code = '" + taxCode + "'")).isZero();
    }
}
