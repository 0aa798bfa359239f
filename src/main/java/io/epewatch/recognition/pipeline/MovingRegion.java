package io.epewatch.recognition.pipeline;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.Picture;

/**
 * Where a gate picture changed, as shares of its width and height (0..1): the part of the frame recognition reads
 * (issue 21), and what a camera instance sends a recognition worker beside the frame (issue 22).
 */
public record MovingRegion(double x0, double y0, double x1, double y1) {

    public static final MovingRegion WHOLE = new MovingRegion(0, 0, 1, 1);

    public MovingRegion {
        if (!(0 <= x0 && x0 < x1 && x1 <= 1 && 0 <= y0 && y0 < y1 && y1 <= 1)) {
            throw new IllegalArgumentException("not a region of a picture: " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
    }

    double area() {
        return (x1 - x0) * (y1 - y0);
    }

    /** The region in the pixels of {@code picture}, rounded outwards. */
    public Box box(Picture picture) {
        int left = (int) Math.floor(x0 * picture.width());
        int top = (int) Math.floor(y0 * picture.height());
        int right = (int) Math.ceil(x1 * picture.width());
        int bottom = (int) Math.ceil(y1 * picture.height());
        return new Box(left, top, Math.min(picture.width(), right) - left, Math.min(picture.height(), bottom) - top);
    }
}
