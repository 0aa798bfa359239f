package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * R1.1 R1.3 coverage: a gate or yard with no camera in service that customs can connect to is shown on the enterprise
 * page at once and, after the grace, is a warning to the managing sub-department; a camera mounted there resolves it,
 * retiring it opens it again.
 */
@IntegrationTest
class CoverageGapFlowTest {

    @Autowired
    Fixtures fixtures;
    @LocalServerPort
    int port;

    @Test
    @DisplayName("R1.1 R1.3 a new gate without a camera: a gap on the enterprise page, a warning to its sub-department, resolved by a camera, re-opened by retiring it")
    void aGateWithoutACamera() {
        Fixtures.Site site = fixtures.site();
        Api analyst = new Api(port, null).signIn(fixtures.analyst(), Fixtures.PASSWORD);
        // no grace and no lateness for this enterprise, so the test need not wait a day
        assertThat(analyst.put("/api/v1/risk/thresholds/enterprises/" + site.taxCode(),
                Map.of("coverageGrace", "PT0S", "lateness", "PT0S")).status()).isEqualTo(200);
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        String base = "/api/v1/enterprises/" + site.taxCode();

        assertThat(officer.post(base + "/locations", Map.of("name", "Cổng phụ", "kind", "GATE")).status()).isEqualTo(201);
        String page = officer.get("/enterprises/" + site.taxCode()).body();
        assertThat(page).contains("id=\"coverage-gaps\"").contains("Cổng phụ");

        JsonNode gap = await(officer, site, "Cổng phụ", "OPEN");
        assertThat(gap.get("rule").asString()).isEqualTo("COVERAGE_GAP");
        assertThat(gap.get("severity").asString()).isEqualTo("HIGH");
        assertThat(gap.at("/evidence/gap").asString()).isEqualTo("NO_CAMERA");
        assertThat(await(officer, site, "Bãi phế liệu", "OPEN").at("/evidence/gap").asString())
                .as("the fixture's yard camera has no address").isEqualTo("NO_ADDRESS");

        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).json().valueStream()
                .filter(w -> w.get("rule").asString().equals("COVERAGE_GAP"))).as("another sub-department's officer").isEmpty();

        long gateId = officer.get(base + "/locations").json().valueStream()
                .filter(l -> l.get("name").asString().equals("Cổng phụ")).findFirst().orElseThrow().get("id").asLong();
        assertThat(officer.post(base + "/cameras", Map.of("number", "C7", "locationId", gateId,
                "snapshotUrl", "http://192.0.2.7/snapshot.jpg", "direction", "BOTH")).status()).isEqualTo(201);
        assertThat(await(officer, site, "Cổng phụ", "RESOLVED_BY_DATA").get("statusReason").asString()).contains("C7");
        assertThat(officer.get("/enterprises/" + site.taxCode()).body()).doesNotContain("<td class=\"bad\">Chưa có ca-mê-ra nào</td>");

        Api.Response retired = officer.put(base + "/cameras/C7/retirement", Map.of("retired", true));
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertThat(await(officer, site, "Cổng phụ", "OPEN").at("/evidence/gap").asString()).isEqualTo("ALL_RETIRED");
        assertThat(officer.get(base + "/logbook").json().valueStream()
                .filter(e -> e.get("cameraNumber").asString().equals("C7") && e.get("kind").asString().equals("RETIRED")))
                .as("R1.5 the camera logbook says it was retired, and by whom").singleElement()
                .satisfies(e -> assertThat(e.get("source").asString()).isEqualTo("PERSON"));

        // garbage: no answer to the question, an unknown camera, someone else's enterprise
        Api.Response empty = officer.put(base + "/cameras/C7/retirement", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("retired");
        assertThat(officer.put(base + "/cameras/NOPE/retirement", Map.of("retired", true)).status()).isEqualTo(404);
        Api otherClerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, fixtures.site().taxCode()), Fixtures.PASSWORD);
        assertThat(otherClerk.put(base + "/cameras/C7/retirement", Map.of("retired", false)).status()).isIn(403, 404);
    }

    /** The coverage warning about this place once it has this status (the engine reads its queue within a second). */
    private JsonNode await(Api api, Fixtures.Site site, String place, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            fixtures.awaitEventsHandled();
            Optional<JsonNode> found = api.get("/api/v1/warnings?rule=COVERAGE_GAP&enterpriseTaxCode=" + site.taxCode()).json().valueStream()
                    .filter(w -> w.get("key").asString().endsWith("/place:" + place) && w.get("status").asString().equals(status))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no " + status + " coverage warning about " + place + " within 20 s: "
                + api.get("/api/v1/warnings?enterpriseTaxCode=" + site.taxCode()).body());
    }
}
