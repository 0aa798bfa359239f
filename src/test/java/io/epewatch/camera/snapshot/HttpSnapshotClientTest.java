package io.epewatch.camera.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.epewatch.simulator.Fault;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.simulator.SimulatedCamera.SnapshotAuth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Snapshots from a simulated camera that really speaks HTTP with Digest and Basic authentication on 127.0.0.1. */
class HttpSnapshotClientTest {

    private final HttpSnapshotClient client = new HttpSnapshotClient(Duration.ofMillis(1500), Clock.systemUTC());

    @Test
    @DisplayName("R2.2 a snapshot is fetched with the camera's Digest account")
    void digestAuthentication() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "customs", "Kh0-Ng0aiQuan"))) {
            Snapshot snapshot = client.fetch(camera.snapshotUrl(), "customs", "Kh0-Ng0aiQuan");
            assertThat(ImageIO.read(new ByteArrayInputStream(snapshot.jpeg())).getWidth()).isEqualTo(640);
            SnapshotFailure refused = catchFailure(() -> client.fetch(camera.snapshotUrl(), "customs", "wrong"));
            assertThat(refused.kind()).isEqualTo(SnapshotFailure.Kind.UNAUTHORIZED);
            assertThat(catchFailure(() -> client.fetch(camera.snapshotUrl(), null, null)).kind()).isEqualTo(SnapshotFailure.Kind.UNAUTHORIZED);
        }
    }

    @Test
    void basicAuthentication() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "viewer", "p@ss word").withSnapshotAuth(SnapshotAuth.BASIC))) {
            assertThat(client.fetch(camera.snapshotUrl(), "viewer", "p@ss word").jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
        }
    }

    @Test
    @DisplayName("a slow camera costs one bounded wait, a dead one a refused connection, a login page is not an image")
    void failuresAreNamed() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", null, null))) {
            camera.slowness(Duration.ofMillis(3000));
            camera.fault(Fault.SLOW);
            long started = System.nanoTime();
            assertThat(catchFailure(() -> client.fetch(camera.snapshotUrl(), null, null)).kind()).isEqualTo(SnapshotFailure.Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
            camera.fault(Fault.NONE);
            camera.sendGarbage(true);
            assertThat(catchFailure(() -> client.fetch(camera.snapshotUrl(), null, null)).kind()).isEqualTo(SnapshotFailure.Kind.NOT_AN_IMAGE);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(catchFailure(() -> client.fetch(URI.create("http://127.0.0.1:" + closedPort + "/snapshot.jpg"), null, null)).kind())
                .isEqualTo(SnapshotFailure.Kind.UNREACHABLE);
    }

    @Test
    void digestChallengesAreAnsweredPerRfc7616() {
        DigestChallenge challenge = DigestChallenge.parse(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        // RFC 7616 section 3.9.1 example: user Mufasa, password "Circle of Life", cnonce f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ
        assertThat(challenge.answer("Mufasa", "Circle of Life", "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
    }

    private interface Call {
        void run() throws Exception;
    }

    private static SnapshotFailure catchFailure(Call call) {
        try {
            call.run();
        } catch (SnapshotFailure failure) {
            return failure;
        } catch (Exception e) {
            throw new AssertionError("expected a SnapshotFailure, got " + e, e);
        }
        throw new AssertionError("expected a SnapshotFailure");
    }

}
