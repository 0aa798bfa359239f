import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

/**
 * Harder copies of a labelled folder, to see how reading holds up beyond the pictures at hand:
 * {@code java bench/recognition/Variants.java SRC OUT} writes OUT/small (a third of the size), OUT/rotate (6°),
 * OUT/dark (40 % brightness) and OUT/scene (the picture small inside a larger dull scene), each with SRC's labels.csv;
 * then {@code bench/recognition/run OUT}.
 */
public class Variants {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        for (String kind : new String[] {"small", "rotate", "dark", "scene"}) {
            Path out = Path.of(args[1], kind);
            Files.createDirectories(out);
            Files.copy(source.resolve("labels.csv"), out.resolve("labels.csv"), StandardCopyOption.REPLACE_EXISTING);
            for (File file : source.toFile().listFiles((dir, name) -> name.toLowerCase().matches(".*\\.(jpe?g|png)"))) {
                BufferedImage image = ImageIO.read(file);
                ImageIO.write(variant(kind, image), "jpg", out.resolve(file.getName()).toFile());
            }
        }
    }

    private static BufferedImage variant(String kind, BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out;
        Graphics2D g;
        switch (kind) {
            case "small" -> {
                out = new BufferedImage(Math.max(20, w / 3), Math.max(15, h / 3), BufferedImage.TYPE_INT_RGB);
                g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
            }
            case "rotate" -> {
                out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                g = out.createGraphics();
                g.setColor(Color.GRAY);
                g.fillRect(0, 0, w, h);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.rotate(Math.toRadians(6), w / 2.0, h / 2.0);
                g.drawImage(in, 0, 0, null);
            }
            case "dark" -> {
                out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int p = in.getRGB(x, y);
                        out.setRGB(x, y, (((p >> 16) & 255) * 2 / 5) << 16 | (((p >> 8) & 255) * 2 / 5) << 8 | (p & 255) * 2 / 5);
                    }
                }
                return out;
            }
            default -> {
                out = new BufferedImage(w * 4, h * 3, BufferedImage.TYPE_INT_RGB);
                g = out.createGraphics();
                g.setColor(new Color(90, 100, 110));
                g.fillRect(0, 0, w * 4, h * 3);
                g.setColor(new Color(40, 40, 50));
                g.fillRect(w, h / 2, w * 2, h * 2);
                g.drawImage(in, w * 3 / 2, h * 3 / 2, null);
            }
        }
        g.dispose();
        return out;
    }
}
