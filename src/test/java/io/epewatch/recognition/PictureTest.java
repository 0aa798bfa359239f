package io.epewatch.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PictureTest {

    private static Picture gradient(int w, int h) {
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i;
        }
        return new Picture(w, h, rgb);
    }

    @Test
    @DisplayName("a crop is clamped to the picture, even for a box hanging over or lying outside its edges")
    void cropsAreClamped() {
        Picture picture = gradient(10, 8);
        assertThat(picture.crop(new Box(2, 3, 4, 2)).rgb()).containsExactly(32, 33, 34, 35, 42, 43, 44, 45);
        Picture over = picture.crop(new Box(-5, -5, 8, 7));
        assertThat(over.width()).isEqualTo(3);
        assertThat(over.height()).isEqualTo(2);
        assertThat(over.at(0, 0)).isZero();
        Picture outside = picture.crop(new Box(50, 50, 4, 4));
        assertThat(outside.width()).isEqualTo(1);
        assertThat(outside.height()).isEqualTo(1);
    }

    @Test
    @DisplayName("scaling keeps a flat colour flat and the size asked for")
    void scaling() {
        Picture flat = new Picture(7, 5, java.util.stream.IntStream.generate(() -> 0x336699).limit(35).toArray());
        Picture scaled = flat.scaled(20, 11);
        assertThat(scaled.width()).isEqualTo(20);
        assertThat(scaled.rgb()).containsOnly(0x336699);
    }
}
