package io.epewatch.recognition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An RGB picture as packed {@code 0xRRGGBB} pixels, row by row: what every recognition stage reads. Cheaper to crop,
 * scale and compare than {@link BufferedImage}, and it never changes once made.
 */
public record Picture(int width, int height, int[] rgb) {

    public Picture {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("picture of " + width + "x" + height + " needs " + width * height + " pixels");
        }
    }

    public static Picture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new Picture(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    /**
     * A JPEG decoded with every n-th pixel only, n chosen so that it is about {@code width} wide (0: the whole
     * picture): a glance for the motion gate costs a fraction of a full decode.
     *
     * @throws IOException when the bytes are not a picture ImageIO can read
     */
    public static Picture decode(byte[] jpeg, int width) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a JPEG picture");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = width <= 0 ? 1 : Math.max(1, reader.getWidth(0) / width);
                param.setSourceSubsampling(step, step, 0, 0);
                return of(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The whole JPEG; a picture that cannot be read is an {@link UncheckedIOException}. */
    public static Picture decode(byte[] jpeg) {
        try {
            return decode(jpeg, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int at(int x, int y) {
        return rgb[y * width + x];
    }

    /** The part inside the box, clamped to the picture. */
    public Picture crop(Box box) {
        int x0 = Math.min(width - 1, Math.max(0, box.x()));
        int y0 = Math.min(height - 1, Math.max(0, box.y()));
        int x1 = Math.min(width, box.x() + box.width());
        int y1 = Math.min(height, box.y() + box.height());
        int w = Math.max(1, x1 - x0);
        int h = Math.max(1, y1 - y0);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(rgb, Math.min(height - 1, y0 + y) * width + x0, out, y * w, Math.min(w, width - x0));
        }
        return new Picture(w, h, out);
    }

    /** Bilinear scaling to {@code w x h}. */
    public Picture scaled(int w, int h) {
        if (w == width && h == height) {
            return this;
        }
        int[] out = new int[w * h];
        double sx = (double) width / w;
        double sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(height - 1, (int) fy);
            int y1 = Math.min(height - 1, y0 + 1);
            double dy = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min(width - 1, (int) fx);
                int x1 = Math.min(width - 1, x0 + 1);
                double dx = fx - x0;
                out[y * w + x] = blend(at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1), dx, dy);
            }
        }
        return new Picture(w, h, out);
    }

    /** Pictures side by side, centred vertically, on {@code background}. */
    public static Picture sideBySide(List<Picture> parts, int gap, int background) {
        int w = gap;
        int h = 1;
        for (Picture part : parts) {
            w += part.width + gap;
            h = Math.max(h, part.height);
        }
        h += 2 * gap;
        int[] out = new int[w * h];
        Arrays.fill(out, background);
        int x = gap;
        for (Picture part : parts) {
            int top = (h - part.height) / 2;
            for (int y = 0; y < part.height; y++) {
                System.arraycopy(part.rgb, y * part.width, out, (top + y) * w + x, part.width);
            }
            x += part.width + gap;
        }
        return new Picture(w, h, out);
    }

    /** Luma 0..255 per pixel. */
    public int[] gray() {
        int[] g = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            g[i] = luma(rgb[i]);
        }
        return g;
    }

    public static int luma(int p) {
        return (((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8;
    }

    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    public byte[] jpeg() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(toImage(), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int blend(int a, int b, int c, int d, double dx, double dy) {
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, (c >> 16) & 0xff, (d >> 16) & 0xff, dx, dy);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, (c >> 8) & 0xff, (d >> 8) & 0xff, dx, dy);
        int bl = mix(a & 0xff, b & 0xff, c & 0xff, d & 0xff, dx, dy);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, int c, int d, double dx, double dy) {
        double top = a + (b - a) * dx;
        double bottom = c + (d - c) * dx;
        return (int) Math.round(top + (bottom - top) * dy);
    }

    @Override
    public String toString() {
        return "Picture[" + width + "x" + height + "]";
    }
}
