package io.epewatch.camera.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.epewatch.camera.CameraMonitorProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our RTSP client against an RTSP server no one here wrote: Debian's GStreamer RTSP server (installed by
 * {@code run-tests.sh}), with Digest authentication and an x264 stream, over TCP and over UDP.
 */
class GstreamerRtspPeerTest {

    private static final String PYTHON = "/usr/bin/python3"; // Debian's, which has the gi bindings; not a pyenv one
    private static Process server;
    private static int port;

    @BeforeAll
    static void startPeer() throws Exception {
        assertThat(Path.of(PYTHON)).as("Debian python3 with python3-gi: run ./run-tests.sh, which installs the peer").exists();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path script = Files.createTempFile("gst_rtsp_server", ".py");
        try (var in = GstreamerRtspPeerTest.class.getResourceAsStream("/peers/gst_rtsp_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        server = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(port), "khach", "Mật khẩu 1", "352", "288", "15")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the GStreamer RTSP server starts (gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-ugly)").startsWith("READY");
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static CameraConnector rtsp(String transport) {
        CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(3), 5, Duration.ofSeconds(10), Duration.ofMillis(1500), transport, 2, Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(20));
        return new CameraConnectors(properties, AddressCheck.allowingAll(), Clock.systemUTC())
                .using(CameraConnector.Protocol.RTSP, CameraAddress.of(null, "rtsp://x/", null, null, null)).orElseThrow();
    }

    @Test
    @DisplayName("frames arrive from GStreamer's RTSP server with Digest auth, over TCP and UDP, at its real size and rate")
    void framesFromAnIndependentServer() throws Exception {
        for (String transport : List.of("TCP", "UDP")) {
            Observation seen = rtsp(transport).observe(CameraAddress.of(null, "rtsp://127.0.0.1:" + port + "/cam", null, "khach", "Mật khẩu 1"));
            assertThat(seen.width()).as(transport).isEqualTo(352);
            assertThat(seen.height()).isEqualTo(288);
            assertThat(seen.fps()).as(transport + " frame rate").isBetween(12.0, 18.0);
            assertThat(seen.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(seen.sample().black()).as("the test pattern is not black").isFalse();
        }
    }

    @Test
    @DisplayName("a wrong password is named as such, and the password appears in no message")
    void wrongPassword() {
        CameraFailure failure = catchThrowableOfType(CameraFailure.class,
                () -> rtsp("TCP").observe(CameraAddress.of(null, "rtsp://127.0.0.1:" + port + "/cam", null, "khach", "đoán-bừa")));
        assertThat(failure.kind()).isEqualTo(CameraFailure.Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).doesNotContain("đoán").doesNotContain("%C4%91");
    }
}
