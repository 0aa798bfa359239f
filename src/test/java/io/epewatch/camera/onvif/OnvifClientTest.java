package io.epewatch.camera.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.epewatch.simulator.SimulatedCamera;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ONVIF discovery against a simulated camera that really speaks SOAP and checks WS-UsernameToken digests. */
class OnvifClientTest {

    private final OnvifClient client = new OnvifClient(Duration.ofSeconds(2), Clock.systemUTC(), url -> null);

    @Test
    @DisplayName("R1.8 discovery reads the device, its profiles and its stream and snapshot URIs with digest auth")
    void discovery() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "onvif-user", "Camera#Pass1").withSize(1920, 1080, 25))) {
            OnvifDevice device = client.discover(camera.onvifUrl(), "onvif-user", "Camera#Pass1");
            assertThat(device.information().model()).isEqualTo("GateCam 2MP");
            assertThat(device.information().firmwareVersion()).isEqualTo("V5.7.3");
            assertThat(device.profiles()).containsExactly(new MediaProfile("Profile_1", "mainStream", "H264", 1920, 1080, 25));
            assertThat(device.streamUri()).isEqualTo(camera.rtspUrl());
            assertThat(device.snapshotUri().getPath()).isEqualTo("/snapshot.jpg");
            assertThat(device.clockSkew().abs()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("a camera clock two hours off still authenticates: the token is created in the camera's time")
    void clockSkewIsCompensated() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "onvif-user", "Camera#Pass1").withSize(1920, 1080, 25))) {
            camera.clockOffset(Duration.ofHours(2));
            OnvifDevice device = client.discover(camera.onvifUrl(), "onvif-user", "Camera#Pass1");
            assertThat(device.clockSkew()).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        }
    }

    @Test
    void aWrongPasswordIsANamedFault() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "onvif-user", "Camera#Pass1").withSize(1920, 1080, 25))) {
            assertThatThrownBy(() -> client.discover(camera.onvifUrl(), "onvif-user", "guess"))
                    .isInstanceOf(OnvifException.class).hasMessageContaining("ter:NotAuthorized").hasMessageContaining("Sender not Authorized");
        }
    }

    @Test
    @DisplayName("an XXE payload from a camera is rejected")
    void xxeFromTheCameraIsRejected() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("G1", "onvif-user", "Camera#Pass1").withSize(1920, 1080, 25))) {
            camera.answerWithXxe(true);
            assertThatThrownBy(() -> client.discover(camera.onvifUrl(), "onvif-user", "Camera#Pass1"))
                    .isInstanceOf(OnvifException.class).hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void aDeadCameraIsANamedError() {
        assertThatThrownBy(() -> client.discover(URI.create("http://127.0.0.1:9/onvif/device_service"), "u", "p"))
                .isInstanceOf(OnvifException.class).hasMessageContaining("did not answer");
    }
}
