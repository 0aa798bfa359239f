package io.epewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;

import javax.imageio.ImageIO;

import io.epewatch.camera.connector.FrameSample;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The frozen-picture check against what a gate camera really shows. The demo's false FROZEN_IMAGE alarms came from
 * an empty gate whose only change between probes is the burnt-in clock, which a coarse point-sampled thumbnail missed.
 */
class GateSceneTest {

    private static final long EMPTY_LANE = GateScene.CROSSING_MILLIS + 1_000;

    @Test
    @DisplayName("R1.5 an empty gate a second later is not the same picture: the burnt-in clock alone tells them apart, at 1080p and 720p")
    void theClockAloneMakesTwoPicturesDiffer() throws IOException {
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}, {640, 360}}) {
            GateScene scene = new GateScene(size[0], size[1], "C01", "51C-123.45", "MSKU 467069 1");
            Instant now = Instant.parse("2026-12-04T01:00:00Z");
            for (int second = 0; second < 10; second++) {
                FrameSample before = sample(scene, now.plusSeconds(second));
                FrameSample after = sample(scene, now.plusSeconds(second + 1));
                assertThat(after.sameAs(before)).as("%dx%d at second %d", size[0], size[1], second).isFalse();
            }
        }
    }

    @Test
    @DisplayName("R1.5 the same picture encoded twice is the same picture: a frozen camera is still seen")
    void theSamePictureTwiceIsFrozen() throws IOException {
        GateScene scene = new GateScene(1920, 1080, "C01", "51C-123.45", "MSKU 467069 1");
        Instant now = Instant.parse("2026-12-04T01:00:00Z");
        assertThat(sample(scene, now).sameAs(sample(scene, now))).isTrue();
    }

    private static FrameSample sample(GateScene scene, Instant clock) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(scene.paint(EMPTY_LANE, clock), "jpg", jpeg);
        return FrameSample.ofJpeg(jpeg.toByteArray());
    }
}
