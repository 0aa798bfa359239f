package io.epewatch.camera.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.epewatch.camera.onvif.OnvifClient;
import io.epewatch.simulator.SimulatedCamera;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile G against the simulated recorder: search, replay a span over RTSP, put it in MP4 and HLS. */
class RtspReplayTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("R2.2 a span of last March is found, replayed and kept as MP4 with the recorder's own times")
    void replayASpan() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(SimulatedCamera.Spec.of("C01", "customs", "Nvr-pass-1"))) {
            OnvifClient onvif = new OnvifClient(Duration.ofSeconds(3), Clock.systemUTC(), url -> null);
            OnvifClient.Archive archive = onvif.archive(camera.onvifUrl(), "customs", "Nvr-pass-1", null).orElseThrow();
            Instant from = Instant.parse("2026-03-14T02:00:00Z");
            Instant to = from.plus(Duration.ofSeconds(30));
            assertThat(archive.recording().holds(from, to)).isTrue();
            assertThat(archive.summary().recordings()).isEqualTo(1);
            assertThat(archive.summary().from()).isBefore(Instant.now().minus(Duration.ofDays(365)));

            RtspReplay.Pulled pulled = new RtspReplay(Duration.ofSeconds(10), 200_000_000).pull(archive.replayUri(), "customs", "Nvr-pass-1",
                    from, to, temp.resolve("span.h264"));
            assertThat(pulled.first()).isEqualTo(from);
            assertThat(pulled.last()).isBetween(to.minusSeconds(1), to);
            assertThat(pulled.pictures()).isEqualTo(30 * 5);

            Remux.toMp4(pulled.h264(), pulled.fps(), temp.resolve("span.mp4"));
            Remux.toHls(pulled.h264(), pulled.fps(), Files.createDirectories(temp.resolve("hls")));
            FFmpegFrameGrabber mp4 = new FFmpegFrameGrabber(temp.resolve("span.mp4").toFile());
            mp4.start();
            assertThat(mp4.getLengthInTime()).isBetween(29_000_000L, 31_000_000L);
            assertThat(mp4.getImageWidth()).isEqualTo(640);
            assertThat(Files.readString(temp.resolve("hls/index.m3u8"))).contains("#EXT-X-ENDLIST").contains("segment0000.ts");
            mp4.stop();
        }
    }
}
