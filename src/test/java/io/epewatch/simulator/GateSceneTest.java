package io.epewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the frozen-picture rule (the same picture byte for byte, issue 20) sees of what gate cameras show: an empty gate
 * with a burnt-in clock, the same picture sent twice, and a still scene with no clock where only a sensor's faint
 * noise moves.
 */
class GateSceneTest {

    private static final long EMPTY_LANE = GateScene.CROSSING_MILLIS + 1_000;

    @Test
    @DisplayName("R1.5 an empty gate a second later is another picture: the burnt-in clock alone tells them apart, at 1080p and 720p")
    void theClockAloneMakesTwoPicturesDiffer() throws IOException {
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}, {640, 360}}) {
            GateScene scene = new GateScene(size[0], size[1], "C01", "51C-123.45", "MSKU 467069 1");
            Instant now = Instant.parse("2026-12-04T01:00:00Z");
            for (int second = 0; second < 5; second++) {
                assertThat(jpeg(scene.paint(EMPTY_LANE, now.plusSeconds(second + 1))))
                        .as("%dx%d at second %d", size[0], size[1], second).isNotEqualTo(jpeg(scene.paint(EMPTY_LANE, now.plusSeconds(second))));
            }
        }
    }

    @Test
    @DisplayName("R1.5 the same picture sent twice is the same bytes: a frozen camera is seen")
    void theSamePictureTwiceIsFrozen() throws IOException {
        GateScene scene = new GateScene(1920, 1080, "C01", "51C-123.45", "MSKU 467069 1");
        BufferedImage picture = scene.paint(EMPTY_LANE, Instant.parse("2026-12-04T01:00:00Z"));
        assertThat(jpeg(picture)).isEqualTo(jpeg(picture));
    }

    @Test
    @DisplayName("R1.5 issue 20 a still scene with no clock, every pixel within two levels of the last picture, never gives the same JPEG twice")
    void aLiveSensorOnAStillSceneIsNeverTheSameTwice() throws IOException {
        GateScene scene = new GateScene(1920, 1080, "Y1", "51C-123.45", "MSKU 467069 1");
        BufferedImage still = scene.empty();
        byte[] before = jpeg(GateScene.withSensorNoise(still));
        for (int i = 0; i < 5; i++) {
            BufferedImage next = GateScene.withSensorNoise(still);
            assertThat(maxDifference(still, next)).as("noise only").isLessThanOrEqualTo(2);
            byte[] now = jpeg(next);
            assertThat(Arrays.equals(now, before)).as("picture %d", i).isFalse();
            before = now;
        }
    }

    private static int maxDifference(BufferedImage a, BufferedImage b) {
        byte[] x = ((java.awt.image.DataBufferByte) a.getRaster().getDataBuffer()).getData();
        byte[] y = ((java.awt.image.DataBufferByte) b.getRaster().getDataBuffer()).getData();
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs((x[i] & 0xFF) - (y[i] & 0xFF)));
        }
        return max;
    }

    private static byte[] jpeg(BufferedImage picture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", out);
        return out.toByteArray();
    }
}
