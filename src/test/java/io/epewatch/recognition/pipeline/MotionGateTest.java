package io.epewatch.recognition.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.epewatch.recognition.PassingTruck;
import io.epewatch.recognition.Picture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MotionGateTest {

    @Test
    @DisplayName("a still gate costs no recognition; a truck entering does; a camera clock ticking does not")
    void motion() {
        PassingTruck scene = new PassingTruck(640, 360, "51C-123.45", "MSKU4670691");
        MotionGate gate = new MotionGate(0.02);
        Picture empty = scene.paint(-1);
        assertThat(gate.moved(empty)).as("first frame: nothing to compare with").isTrue();
        assertThat(gate.moved(empty)).isFalse();
        assertThat(gate.moved(withClock(empty))).as("burnt-in clock changed").isFalse();
        assertThat(gate.moved(scene.paint(0.3))).isTrue();
        assertThat(gate.moved(scene.paint(0.32))).as("still moving").isTrue();
        assertThat(gate.moved(scene.paint(0.32))).as("stopped").isFalse();
    }

    private static Picture withClock(Picture picture) {
        var image = picture.toImage();
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.BOLD, 14));
        g.drawString("2026-11-24 10:15:31", 8, 18);
        g.dispose();
        return Picture.of(image);
    }
}
