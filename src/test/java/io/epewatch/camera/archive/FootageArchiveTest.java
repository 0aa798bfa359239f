package io.epewatch.camera.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.epewatch.evidence.EvidenceStore;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Role;
import io.epewatch.kernel.Sha256;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.support.AllowedLoopbackCameras;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** R2.2 the EPE's footage from customs, through the API, against a simulated recorder that speaks Profile G. */
@IntegrationTest
class FootageArchiveTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EvidenceStore evidence;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    SimulatedCamera recorder;
    Fixtures.Site site;
    Api officer;
    String base;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        recorder = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G1", "haiquan", "Nvr#Pass-1"));
        fixtures.watchedBy(site, "G1", recorder);
        String name = fixtures.user(Role.OFFICER, site.subDepartment().id(), null);
        officer = new Api(port, null).signIn(name, Fixtures.PASSWORD, fixtures.enrolTotp(name));
        base = "/api/v1/enterprises/" + site.taxCode() + "/cameras/G1";
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    @Test
    @DisplayName("R2.2 a span of last March: found on the recorder, pulled as an MP4 clip with its hash, on legal hold, in a signed export")
    void searchAndPull() throws Exception {
        String from = "2026-03-14T09:00:00+07:00";
        String to = "2026-03-14T09:01:00+07:00";
        JsonNode found = officer.get(base + "/recordings?from=" + from.replace("+", "%2B") + "&to=" + to.replace("+", "%2B")).json();
        assertThat(found.get("profileG").asBoolean()).isTrue();
        assertThat(found.get("holds").asBoolean()).isTrue();
        assertThat(found.at("/recording/token").asString()).isEqualTo("REC_1");
        assertThat(Instant.parse(found.at("/summary/from").asString())).as("the device keeps its 12 months (R2.2)")
                .isBefore(Instant.now().minus(java.time.Duration.ofDays(365)));

        JsonNode older = officer.get(base + "/recordings?from=2024-01-01T09:00:00%2B07:00&to=2024-01-01T09:10:00%2B07:00").json();
        assertThat(older.get("holds").asBoolean()).as("before the recorder's archive began").isFalse();

        Api.Response pulled = officer.post(base + "/clips", Map.of("from", from, "to", to,
                "reason", "Đối chiếu xe 51C-123.45 qua cổng C01"));
        assertThat(pulled.status()).isEqualTo(201);
        JsonNode clip = pulled.json();
        assertThat(Instant.parse(clip.get("first").asString())).as("the recorder's own time of the first picture")
                .isEqualTo(Instant.parse("2026-03-14T02:00:00Z"));
        assertThat(clip.get("pictures").asInt()).isEqualTo(60 * 5);
        UUID id = UUID.fromString(clip.at("/item/id").asString());
        assertThat(clip.at("/item/mediaType").asString()).isEqualTo("video/mp4");
        assertThat(clip.at("/item/legalHold").asBoolean()).isTrue();
        assertThat(clip.at("/export/files").asInt()).isEqualTo(1);
        try (var in = evidence.open(id).orElseThrow()) {
            byte[] mp4 = in.readAllBytes();
            assertThat(Sha256.hex(mp4)).isEqualTo(clip.at("/item/sha256").asString());
            assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).as("an MP4 file").isEqualTo("ftyp");
        }
        assertThat(audit.search(new AuditTrail.Query(null, site.taxCode(), null, null, null), 50))
                .extracting(r -> r.action()).contains("ARCHIVE_SEARCHED", "ARCHIVE_PULLED", "EVIDENCE_EXPORTED");
    }

    @Test
    @DisplayName("R2.2 bad spans and reasons are named; a span the recorder does not hold, and a device without Profile G, say so")
    void refusals() {
        String now = Instant.now().toString();
        Api.Response tooLong = officer.post(base + "/clips", Map.of("from", "2026-03-14T09:00:00+07:00", "to", "2026-03-14T09:31:00+07:00",
                "reason", "Đối chiếu xe qua cổng"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("to");
        Api.Response noReason = officer.post(base + "/clips", Map.of("from", "2026-03-14T09:00:00+07:00", "to", "2026-03-14T09:01:00+07:00"));
        assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(officer.post(base + "/clips", Map.of("from", "not a time", "to", now, "reason", "Đối chiếu xe qua cổng"))
                .json().at("/errors/0/field").asString()).isEqualTo("from");

        Api.Response notHeld = officer.post(base + "/clips", Map.of("from", "2024-01-01T09:00:00+07:00", "to", "2024-01-01T09:01:00+07:00",
                "reason", "Đối chiếu xe qua cổng"));
        assertThat(notHeld.status()).isEqualTo(502);
        assertThat(notHeld.json().get("detail").asString()).contains("457");

        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        assertThat(clerk.get(base + "/recordings?from=2026-03-14T09:00:00%2B07:00&to=2026-03-14T09:01:00%2B07:00").status()).isEqualTo(403);
        String stranger = fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null);
        Api other = new Api(port, null).signIn(stranger, Fixtures.PASSWORD, fixtures.enrolTotp(stranger));
        assertThat(other.get(base + "/recordings?from=2026-03-14T09:00:00%2B07:00&to=2026-03-14T09:01:00%2B07:00").status()).isEqualTo(404);

        recorder.profileG(false);
        JsonNode none = officer.get(base + "/recordings?from=2026-03-14T09:00:00%2B07:00&to=2026-03-14T09:01:00%2B07:00").json();
        assertThat(none.get("profileG").asBoolean()).isFalse();
        Api.Response pull = officer.post(base + "/clips", Map.of("from", "2026-03-14T09:00:00+07:00", "to", "2026-03-14T09:01:00+07:00",
                "reason", "Đối chiếu xe qua cổng"));
        assertThat(pull.status()).isEqualTo(502);
        assertThat(pull.json().get("detail").asString()).contains("Profile G");
    }
}
