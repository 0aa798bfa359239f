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

    @Test
    @DisplayName("issue 21: the region that moved holds the truck, plate included, and leaves out a ticking clock and the still lane")
    void regionThatMoved() {
        PassingTruck scene = new PassingTruck(640, 360, "51C-123.45", "MSKU4670691");
        MotionGate gate = new MotionGate(0.02);
        assertThat(gate.change(scene.paint(-1))).contains(MovingRegion.WHOLE);
        gate.change(withClock(scene.paint(0.25)));
        MovingRegion region = gate.change(scene.paint(0.30)).orElseThrow();
        // the truck is 310 px wide around x = 0.25..0.30 of 640: 0.01..0.54 of the width; its plate ends ~0.75 down
        assertThat(region.x0()).isLessThan(0.03);
        assertThat(region.x1()).isBetween(0.5, 0.65);
        assertThat(region.y0()).as("the clock's patch at the top left is left out").isGreaterThan(0.08);
        assertThat(region.y1()).isGreaterThan(0.8);
        assertThat(region.area()).as("well under the whole frame").isLessThan(0.5);
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
