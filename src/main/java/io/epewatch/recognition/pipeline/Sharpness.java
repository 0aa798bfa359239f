package io.epewatch.recognition.pipeline;

import io.epewatch.recognition.Picture;

/** How sharp a picture is: the mean absolute Laplacian of its grey levels (blur and motion smear lower it). */
final class Sharpness {

    private Sharpness() {
    }

    static double of(Picture picture) {
        int w = picture.width();
        int h = picture.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        int[] g = picture.gray();
        long sum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                sum += Math.abs(4 * g[i] - g[i - 1] - g[i + 1] - g[i - w] - g[i + w]);
            }
        }
        return sum / (double) ((w - 2) * (h - 2)) / 255.0;
    }
}
