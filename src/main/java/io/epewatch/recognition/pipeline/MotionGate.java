package io.epewatch.recognition.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.epewatch.recognition.Picture;

/**
 * Whether anything moved since the last picture, and where, so a still gate costs one thumbnail comparison and no
 * recognition, and a moving vehicle costs only the part of the frame it moves in (issue 21). The picture is reduced
 * to 64x36 grey cells; it moved when more than a share of the cells changed clearly — the camera's burnt-in clock, a
 * few cells, does not count.
 */
final class MotionGate {

    private static final int W = 64;
    private static final int H = 36;
    private static final int LEVELS = 24;
    /** Patches of changed cells smaller than this share of the largest (a clock, a leaf) stay out of the region. */
    private static final double MINOR_PATCH = 0.1;
    /** Cells added around the region: text at a vehicle's edge, and what moved between two frames. */
    private static final int MARGIN = 2;

    private final double share;
    private int[] previous;

    /** @param share the share of cells that must change (0.02 is a person or a vehicle, not the clock) */
    MotionGate(double share) {
        this.share = share;
    }

    boolean moved(Picture picture) {
        return change(picture).isPresent();
    }

    /** The region that changed since the last picture, or empty when nothing moved; the first picture is all change. */
    Optional<MovingRegion> change(Picture picture) {
        int[] cells = thumbnail(picture);
        int[] before = previous;
        previous = cells;
        if (before == null) {
            return Optional.of(MovingRegion.WHOLE);
        }
        boolean[] changed = new boolean[cells.length];
        int count = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Math.abs(cells[i] - before[i]) > LEVELS) {
                changed[i] = true;
                count++;
            }
        }
        return count > share * cells.length ? Optional.of(region(changed)) : Optional.empty();
    }

    /** The bounding box of the patches of change that matter: the largest and any a tenth its size or more. */
    private static MovingRegion region(boolean[] changed) {
        List<int[]> patches = patches(changed);
        int largest = patches.stream().mapToInt(p -> p[4]).max().orElse(0);
        int x0 = W;
        int y0 = H;
        int x1 = 0;
        int y1 = 0;
        for (int[] p : patches) {
            if (p[4] >= largest * MINOR_PATCH) {
                x0 = Math.min(x0, p[0]);
                y0 = Math.min(y0, p[1]);
                x1 = Math.max(x1, p[2]);
                y1 = Math.max(y1, p[3]);
            }
        }
        x0 = Math.max(0, x0 - MARGIN);
        y0 = Math.max(0, y0 - MARGIN);
        x1 = Math.min(W - 1, x1 + MARGIN);
        y1 = Math.min(H - 1, y1 + MARGIN);
        return new MovingRegion((double) x0 / W, (double) y0 / H, (double) (x1 + 1) / W, (double) (y1 + 1) / H);
    }

    /** Connected patches of changed cells (8-neighbours), each as {minX, minY, maxX, maxY, cells}. */
    private static List<int[]> patches(boolean[] changed) {
        boolean[] seen = new boolean[changed.length];
        List<int[]> patches = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < changed.length; start++) {
            if (!changed[start] || seen[start]) {
                continue;
            }
            int[] patch = {W, H, 0, 0, 0};
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int cell = queue.poll();
                int cx = cell % W;
                int cy = cell / W;
                patch[0] = Math.min(patch[0], cx);
                patch[1] = Math.min(patch[1], cy);
                patch[2] = Math.max(patch[2], cx);
                patch[3] = Math.max(patch[3], cy);
                patch[4]++;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = cx + dx;
                        int ny = cy + dy;
                        int next = ny * W + nx;
                        if (nx >= 0 && nx < W && ny >= 0 && ny < H && changed[next] && !seen[next]) {
                            seen[next] = true;
                            queue.add(next);
                        }
                    }
                }
            }
            patches.add(patch);
        }
        return patches;
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
