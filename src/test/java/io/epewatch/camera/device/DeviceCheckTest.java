package io.epewatch.camera.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.epewatch.identity.Role;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.support.AllowedLoopbackCameras;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R1.8 on registration: the device's own ONVIF answers held against what the EPE declared. */
@IntegrationTest
class DeviceCheckTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CameraCredentials credentials;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R1.8 a camera declared 1080p at 30 fps that reports 720p at 25 fps is flagged, with the Appendix I rows it fails")
    void deviceContradictsDeclaration() {
        Fixtures.Site site = fixtures.site();
        try (SimulatedCamera camera = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G1", "kiemtra", "Thiết-bị-1").withSize(1280, 720, 25))) {
            Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
            // registered through the API, as an EPE clerk would: the loopback port is in the allowed range
            Api.Response registered = clerk.put("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1", Map.of(
                    "number", "G1", "locationId", locationOf(site), "onvifUrl", camera.onvifUrl().toString(), "direction", "OUT",
                    "specs", Map.of("resolutionWidth", 1920, "resolutionHeight", 1080, "frameRate", 30, "compressions", List.of("H.264"))));
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            credentials.store(Fixtures.ADMIN, site.taxCode(), "G1", "kiemtra", "Thiết-bị-1");

            Api.Response checked = clerk.post("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/device-check", "{}");
            assertThat(checked.status()).as(checked.body()).isEqualTo(201);
            assertThat(checked.json().get("model").asString()).isEqualTo("GateCam 2MP");
            assertThat(checked.json().get("width").asInt()).isEqualTo(1280);
            assertThat(checked.json().get("findings").valueStream().map(f -> f.asString()).toList())
                    .anySatisfy(f -> assertThat(f).startsWith("resolution: the device streams 1280×720"))
                    .anySatisfy(f -> assertThat(f).startsWith("frame rate: the device is set to 25 fps"))
                    .anySatisfy(f -> assertThat(f).startsWith("Appendix I row"));
            assertThat(clerk.get("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/device-checks").json().size()).isEqualTo(1);

            Api.Response noOnvif = clerk.post("/api/v1/enterprises/" + site.taxCode() + "/cameras/G2/device-check", "{}");
            assertThat(noOnvif.status()).isEqualTo(400);
            assertThat(noOnvif.json().at("/errors/0/field").asString()).isEqualTo("onvifUrl");

            camera.fault(io.epewatch.simulator.Fault.OFFLINE);
            Api.Response offline = clerk.post("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/device-check", "{}");
            assertThat(offline.status()).isEqualTo(502);
            assertThat(offline.json().get("kind").asString()).isEqualTo("UNREACHABLE");
            assertThat(offline.body()).doesNotContain("Thiết-bị-1");
        }
    }

    private long locationOf(Fixtures.Site site) {
        return jdbc.sql("select location_id from camera c join enterprise e on e.id = c.enterprise_id where e.tax_code = ? and c.number = 'G1'")
                .param(site.taxCode()).query(Long.class).single();
    }
}
