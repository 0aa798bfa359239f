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
 * A small grey fingerprint of a picture (32×18 points), enough to tell a black picture (a covered lens, a dead sensor),
 * with the picture's real size. Whether a picture is frozen is judged on the picture itself, byte for byte
 * ({@code camera.health.Stillness}, issue 20).
 */
public record FrameSample(int width, int height, byte[] grey) {

    static final int COLUMNS = 32;
    static final int ROWS = 18;
    /** Decoded at most this wide before sampling: cheap even for 4K snapshots. */
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
        return new FrameSample(width, height, grey);
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
}
