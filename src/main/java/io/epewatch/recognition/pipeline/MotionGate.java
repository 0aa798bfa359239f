package io.epewatch.recognition.pipeline;

import io.epewatch.recognition.Picture;

/**
 * Whether anything moved since the last picture, so a still gate costs one thumbnail comparison and no recognition.
 * The picture is reduced to 64x36 grey cells; it moved when more than a share of the cells changed clearly — the
 * camera's burnt-in clock, a few cells, does not count.
 */
final class MotionGate {

    private static final int W = 64;
    private static final int H = 36;
    private static final int LEVELS = 24;

    private final double share;
    private int[] previous;

    /** @param share the share of cells that must change (0.02 is a person or a vehicle, not the clock) */
    MotionGate(double share) {
        this.share = share;
    }

    boolean moved(Picture picture) {
        int[] cells = thumbnail(picture);
        int[] before = previous;
        previous = cells;
        if (before == null) {
            return true;
        }
        int changed = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Math.abs(cells[i] - before[i]) > LEVELS) {
                changed++;
            }
        }
        return changed > share * cells.length;
    }

    private static int[] thumbnail(Picture picture) {
        int[] sum = new int[W * H];
        int[] count = new int[W * H];
        // sampling every other pixel is plenty for a 64x36 average
        for (int y = 0; y < picture.height(); y += 2) {
            int cy = y * H / picture.height();
            for (int x = 0; x < picture.width(); x += 2) {
                int cell = cy * W + x * W / picture.width();
                sum[cell] += Picture.luma(picture.at(x, y));
                count[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return sum;
    }
}
