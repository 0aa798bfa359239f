package io.epewatch.camera.connector;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Two small grey fingerprints of a picture, enough to tell a black picture (a covered lens, a dead sensor) and a
 * frozen one (the same picture twice). {@code grey} samples 32×18 single points, which sees sensor noise; {@code
 * detail} averages 64×36 areas, which sees a small change such as the seconds of a burnt-in clock — a point sample
 * misses those, and an empty gate then looked frozen (the demo's false FROZEN_IMAGE alarms, issue 15). Two pictures
 * are the same only when neither fingerprint moved.
 */
public record FrameSample(int width, int height, byte[] grey, short[] detail) {

    static final int COLUMNS = 32;
    static final int ROWS = 18;
    static final int DETAIL_COLUMNS = 64;
    static final int DETAIL_ROWS = 36;
    /** Decoded at most this wide before sampling: fine enough for an on-screen clock at 4K, cheap to average. */
    private static final int DECODE_WIDTH = 480;

    public static FrameSample of(BufferedImage picture) {
        return of(picture, picture.getWidth(), picture.getHeight());
    }

    private static FrameSample of(BufferedImage picture, int width, int height) {
        BufferedImage thumbnail = new BufferedImage(COLUMNS, ROWS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = thumbnail.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, COLUMNS, ROWS, null);
        g.dispose();
        byte[] grey = new byte[COLUMNS * ROWS];
        thumbnail.getRaster().getDataElements(0, 0, COLUMNS, ROWS, grey);
        return new FrameSample(width, height, grey, areaAverages(picture));
    }

    /** Mean luma of each of 64×36 areas, every pixel counted, in sixteenths of a grey level. */
    private static short[] areaAverages(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        long[] sums = new long[DETAIL_COLUMNS * DETAIL_ROWS];
        long[] counts = new long[sums.length];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            picture.getRGB(0, y, w, 1, row, 0, w);
            int cellRow = (int) ((long) y * DETAIL_ROWS / h) * DETAIL_COLUMNS;
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int luma = (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
                int cell = cellRow + (int) ((long) x * DETAIL_COLUMNS / w);
                sums[cell] += luma;
                counts[cell]++;
            }
        }
        short[] detail = new short[sums.length];
        for (int i = 0; i < sums.length; i++) {
            detail[i] = (short) (counts[i] == 0 ? 0 : Math.round(16 * sums[i] / (double) counts[i]));
        }
        return detail;
    }

    /** Decodes a JPEG at a reduced scale (cheap even for 4K snapshots) and samples it; null when it does not decode. */
    public static FrameSample ofJpeg(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, width / DECODE_WIDTH);
                param.setSourceSubsampling(step, step, 0, 0);
                return of(reader.read(0, param), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Mean brightness, 0–255. */
    public double meanLuma() {
        long sum = 0;
        for (byte b : grey) {
            sum += b & 0xFF;
        }
        return sum / (double) grey.length;
    }

    /** A picture with almost no light and no detail. */
    public boolean black() {
        int max = 0;
        for (byte b : grey) {
            max = Math.max(max, b & 0xFF);
        }
        return meanLuma() < 16 && max < 40;
    }

    /** The same picture as {@code earlier}: no point and no area of it moved by more than the JPEG noise. */
    public boolean sameAs(FrameSample earlier) {
        return earlier != null && unchanged(grey, earlier.grey) && unchanged(detail, earlier.detail);
    }

    /** No area's mean moved by a quarter of a grey level: a few changed pixels of a small digit move it further. */
    private static boolean unchanged(short[] now, short[] before) {
        if (now.length != before.length) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (Math.abs(now[i] - before[i]) > 4) {
                return false;
            }
        }
        return true;
    }

    private static boolean unchanged(byte[] now, byte[] before) {
        if (now.length != before.length) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (Math.abs((now[i] & 0xFF) - (before[i] & 0xFF)) > 1) {
                return false;
            }
        }
        return true;
    }
}
