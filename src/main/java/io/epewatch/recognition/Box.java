package io.epewatch.recognition;

/** An axis-aligned box in picture pixels. */
public record Box(int x, int y, int width, int height) {

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    public boolean tall() {
        return height > width * 1.5;
    }

    public Box union(Box other) {
        int x0 = Math.min(x, other.x);
        int y0 = Math.min(y, other.y);
        return new Box(x0, y0, Math.max(right(), other.right()) - x0, Math.max(bottom(), other.bottom()) - y0);
    }

    public Box grown(int dx, int dy) {
        return new Box(x - dx, y - dy, width + 2 * dx, height + 2 * dy);
    }

    /** Overlap of the horizontal extents, as a share of the narrower box. */
    public double horizontalOverlap(Box other) {
        int overlap = Math.min(right(), other.right()) - Math.max(x, other.x);
        return Math.max(0, overlap) / (double) Math.max(1, Math.min(width, other.width));
    }

    /** Overlap of the vertical extents, as a share of the shorter box. */
    public double verticalOverlap(Box other) {
        int overlap = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return Math.max(0, overlap) / (double) Math.max(1, Math.min(height, other.height));
    }
}
