package io.epewatch.footage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.camera.archive.RecentFootage;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceLink;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.identity.Role;
import io.epewatch.kernel.Sha256;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.support.AllowedLoopbackCameras;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20's automatic clips against a simulated gate camera: a passage keeps 10 s before and 10 s after as evidence
 * linked to it — from the recorder's replay, or from the camera's recent footage — shown on the passage page.
 */
@IntegrationTest
class PassageClipsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EvidenceStore evidence;
    @Autowired
    PassageClips clips;
    @Autowired
    RecentFootage recent;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    io.epewatch.gate.GateEvents gateEvents;
    @LocalServerPort
    int port;

    SimulatedCamera camera;
    Fixtures.Site site;
    Api feed;

    @BeforeEach
    void setUp() {
        site = fixtures.site();
        camera = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G1", "haiquan", "Cam#Pass-1").withSize(320, 180, 10));
        fixtures.watchedBy(site, "G1", camera);
        feed = new Api(port, fixtures.allScopesToken());
    }

    @AfterEach
    void tearDown() {
        camera.close();
    }

    private long passage(Instant at, String source) {
        if (source != null) {
            return gateEvents.record(new io.epewatch.gate.GateEventInput(site.taxCode(), "G1", "OUT", at.toString(), "51D-678.90",
                    List.of()), null, source).event().id();
        }
        Map<String, Object> body = Map.of("enterpriseTaxCode", site.taxCode(), "cameraNumber", "G1",
                "direction", "OUT", "capturedAt", at.toString(), "plate", "51C-123.45");
        Api.Response posted = feed.post("/api/v1/gate-events", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asLong();
    }

    private PassageClips.Status awaitSettled(long id) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<PassageClips.Status> status = clips.status(id);
            if (status.isPresent() && (!status.get().state().equals("PENDING") || status.get().reason() != null)) {
                return status.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the clip of passage " + id + " was not settled within 30 s: " + clips.status(id));
    }

    @Test
    @DisplayName("R2.2 issue 20 a passage keeps 10 s before and after from the recorder, linked to it and shown on its page to customs")
    void aPassageKeepsItsClip() throws Exception {
        Instant at = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        long id = passage(at, null);
        PassageClips.Status status = awaitSettled(id);
        assertThat(status.state()).as(String.valueOf(status.reason())).isEqualTo("KEPT");
        List<EvidenceItem> linked = evidence.linkedTo(new EvidenceLink(EvidenceLink.Kind.GATE_EVENT, String.valueOf(id)));
        EvidenceItem clip = linked.stream().filter(i -> i.mediaType().equals("video/mp4")).findFirst().orElseThrow();
        assertThat(clip.capturedAt()).isEqualTo(at.minusSeconds(10));
        assertThat(clip.id()).isEqualTo(status.evidenceId());

        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(officer.get("/passages/" + id).body()).contains("/evidence/" + clip.id() + "/content");
        byte[] mp4 = officer.getBytes("/evidence/" + clip.id() + "/content");
        assertThat(Sha256.hex(mp4)).isEqualTo(clip.sha256());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("clip", ".mp4");
        java.nio.file.Files.write(file, mp4);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertThat(grabber.getLengthInTime()).as("20 seconds").isBetween(19_000_000L, 20_500_000L);
        }

        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        assertThat(clerk.get("/evidence/" + clip.id() + "/content").status()).isEqualTo(403);
        Api stranger = new Api(port, null).signIn(fixtures.user(Role.OFFICER, fixtures.site().subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(stranger.get("/evidence/" + clip.id() + "/content").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 20 the manual gate log keeps no clip; a camera whose recorder has no Profile G says why")
    void noClipWhereThereIsNothingToFilm() {
        long manual = passage(Instant.now().minusSeconds(40), "manual-log");
        camera.profileG(false);
        long unrecorded = passage(Instant.now().minusSeconds(40), null);
        PassageClips.Status status = awaitSettled(unrecorded);
        assertThat(status.state()).isIn("PENDING", "FAILED");
        assertThat(status.reason()).contains("recorder");
        assertThat(clips.status(manual)).isEmpty();
        Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
        assertThat(officer.get("/passages/" + unrecorded).body()).contains("id=\"clip-");
    }

    @Test
    @DisplayName("issue 20 the camera's recent footage gives the clip without asking the recorder")
    void recentFootage() throws Exception {
        camera.profileG(false);
        Camera g1 = diagram.findCamera(site.taxCode(), "G1").orElseThrow();
        Thread watcher = Thread.ofPlatform().daemon().start(() -> recent.watch(g1));
        try {
            Instant started = Instant.now();
            Thread.sleep(9_000);
            Optional<byte[]> clip = recent.clip(g1.id(), started.plusSeconds(4), started.plusSeconds(7));
            assertThat(clip).as("3 seconds the ring holds").isPresent();
            assertThat(new String(clip.get(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat(recent.clip(g1.id(), started.minusSeconds(60), started.minusSeconds(50))).as("before the ring began").isEmpty();
        } finally {
            watcher.interrupt();
        }
    }
}
