package io.epewatch.camera.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.registry.RtspTransport;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.simulator.SimulatedCamera.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's interop defects, each against a simulated camera that really speaks ONVIF, HTTP and RTSP on 127.0.0.1:
 * what real devices did to the connectors, and what the connectors now do about it.
 */
class CameraInteropTest {

    private static CameraConnectors connectors(AddressCheck addresses, String defaultTransport) {
        CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(3), 5, Duration.ofSeconds(10), Duration.ofMillis(800), defaultTransport, 2, Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(20));
        return new CameraConnectors(properties, addresses, Clock.systemUTC());
    }

    private static Observation observe(CameraConnectors connectors, CameraAddress address) throws CameraFailure {
        return connectors.forCamera(address).orElseThrow().observe(address);
    }

    @Test
    @DisplayName("SSRF: a media service address the camera hands back is checked by the guard; the refused port is never called")
    void theDevicesMediaAddressPassesTheGuard() throws Exception {
        try (ServerSocket internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SimulatedCamera camera = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass"))) {
            AtomicInteger calls = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!internal.isClosed()) {
                    try (var socket = internal.accept()) {
                        calls.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            camera.reportMediaAt(URI.create("http://127.0.0.1:" + internal.getLocalPort() + "/onvif/media_service"));
            // the guard lets the camera's own port through and refuses the internal service's, as registration would
            AddressCheck guard = url -> url.getPort() == internal.getLocalPort() ? "is an internal service port" : null;
            CameraAddress address = CameraAddress.of(camera.onvifUrl().toString(), null, null, "customs", "Gate-1-pass");

            assertThatThrownBy(() -> observe(connectors(guard, "AUTO"), address))
                    .isInstanceOfSatisfying(CameraFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(CameraFailure.Kind.FORBIDDEN_ADDRESS);
                        assertThat(failure.reason()).contains("media service").contains(String.valueOf(internal.getLocalPort()));
                    });
            assertThatThrownBy(() -> connectors(guard, "AUTO").feed(address)).isInstanceOf(CameraFailure.class);
            Thread.sleep(200);
            assertThat(calls).as("nothing was sent to the refused port").hasValue(0);
        }
    }

    @Test
    @DisplayName("two cameras on one ONVIF address with different accounts do not share discovery: the wrong password stays refused")
    void discoveryIsKeptPerCameraAndAccount() throws Exception {
        // the snapshot is open, as on the device that showed the defect: only ONVIF can notice the wrong password
        try (SimulatedCamera recorder = SimulatedCamera.start(Spec.of("NVR", "customs", "Right-pass-1").withSnapshotAuth(SimulatedCamera.SnapshotAuth.NONE))) {
            CameraConnectors connectors = connectors(AddressCheck.allowingAll(), "AUTO");
            CameraAddress right = CameraAddress.of(recorder.onvifUrl().toString(), null, null, "customs", "Right-pass-1");
            CameraAddress wrong = CameraAddress.of(recorder.onvifUrl().toString(), null, null, "customs", "wrong-guess");

            assertThat(observe(connectors, right).width()).isEqualTo(640);
            assertThatThrownBy(() -> observe(connectors, wrong))
                    .isInstanceOfSatisfying(CameraFailure.class, f -> assertThat(f.kind()).isEqualTo(CameraFailure.Kind.UNAUTHORIZED));
            assertThatThrownBy(() -> connectors.feed(wrong)).as("and its live view does not stream")
                    .isInstanceOfSatisfying(CameraFailure.class, f -> assertThat(f.kind()).isEqualTo(CameraFailure.Kind.UNAUTHORIZED));
            assertThat(observe(connectors, right).width()).as("the right account still works").isEqualTo(640);
        }
    }

    @Test
    @DisplayName("a device that accepts only HTTP Digest on its SOAP calls is discovered; a wrong password there is UNAUTHORIZED")
    void onvifOverHttpDigest() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(Spec.of("G1", "customs", "Đúng-mật-khẩu"))) {
            camera.onvifAuth(SimulatedCamera.OnvifAuth.HTTP_DIGEST);
            CameraConnectors connectors = connectors(AddressCheck.allowingAll(), "AUTO");
            var device = connectors.discover(CameraAddress.of(camera.onvifUrl().toString(), null, null, "customs", "Đúng-mật-khẩu"));
            assertThat(device.information().model()).isEqualTo("GateCam 2MP");
            assertThat(device.profile().width()).isEqualTo(640);

            assertThatThrownBy(() -> connectors.discover(CameraAddress.of(camera.onvifUrl().toString(), null, null, "customs", "sai")))
                    .isInstanceOfSatisfying(CameraFailure.class, f -> {
                        assertThat(f.kind()).as("a 401 is the account, not a bad answer").isEqualTo(CameraFailure.Kind.UNAUTHORIZED);
                        assertThat(f.reason()).contains("401").doesNotContain("sai");
                    });
        }
    }

    @Test
    @DisplayName("a recorder's channel is named by number or token; the check and health use that profile's size and snapshot")
    void recorderChannels() throws Exception {
        try (SimulatedCamera recorder = SimulatedCamera.start(Spec.of("NVR", "customs", "Nvr-pass-1").withSize(1920, 1080, 25))) {
            recorder.channels(3);
            CameraConnectors connectors = connectors(AddressCheck.allowingAll(), "AUTO");
            CameraAddress first = CameraAddress.of(recorder.onvifUrl().toString(), null, null, "customs", "Nvr-pass-1");

            assertThat(connectors.discover(first).profiles()).hasSize(3);
            assertThat(observe(connectors, first).width()).as("no profile named: the first").isEqualTo(1920);
            Observation second = observe(connectors, first.withProfile("2"));
            assertThat(second.width()).isEqualTo(960);
            assertThat(connectors.discover(first.withProfile("2")).profile().width()).as("what the device check reads").isEqualTo(960);
            assertThat(observe(connectors, first.withProfile("Profile_3")).height()).isEqualTo(360);
            assertThatThrownBy(() -> observe(connectors, first.withProfile("9")))
                    .isInstanceOfSatisfying(CameraFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(CameraFailure.Kind.BAD_ANSWER);
                        assertThat(f.reason()).contains("'9'").contains("Profile_1, Profile_2, Profile_3");
                    });
        }
    }

    @Test
    @DisplayName("an RTSP server that refuses TCP: TCP names the refusal, UDP and automatic get pictures")
    void perCameraRtspTransport() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(Spec.of("Y1", "viewer", "Xem-123").withSize(320, 180, 10))) {
            camera.refuseRtspOver("TCP");
            CameraConnectors connectors = connectors(AddressCheck.allowingAll(), "TCP");
            CameraAddress address = CameraAddress.of(null, camera.rtspUrl().toString(), null, "viewer", "Xem-123");

            assertThatThrownBy(() -> observe(connectors, address)).as("the system default, TCP")
                    .isInstanceOfSatisfying(CameraFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(CameraFailure.Kind.TRANSPORT_REFUSED);
                        assertThat(f.reason()).contains("TCP").contains("461").doesNotContain("error -");
                    });
            assertThat(observe(connectors, address.withTransport(RtspTransport.UDP)).width()).isEqualTo(320);
            assertThat(observe(connectors, address.withTransport(RtspTransport.AUTO)).width()).as("TCP, then UDP").isEqualTo(320);
            assertThat(observe(connectors, address.withTransport(RtspTransport.AUTO)).width()).as("UDP remembered").isEqualTo(320);

            camera.refuseRtspOver("UDP");
            assertThatThrownBy(() -> observe(connectors, address.withTransport(RtspTransport.UDP)))
                    .isInstanceOfSatisfying(CameraFailure.class, f -> assertThat(f.kind()).isEqualTo(CameraFailure.Kind.TRANSPORT_REFUSED));
            assertThat(observe(connectors, address.withTransport(RtspTransport.AUTO)).width()).as("back to TCP").isEqualTo(320);
        }
    }
}
