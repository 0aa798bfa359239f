package io.epewatch.recognition;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate camera's view of one truck passing, drawn in the test: an empty lane, the truck with its container code on
 * the box and its plate on the bumper crossing the picture, the empty lane again.
 */
public final class PassingTruck {

    private final int width;
    private final int height;
    private final String plate;
    private final String container;

    public PassingTruck(int width, int height, String plate, String container) {
        this.width = width;
        this.height = height;
        this.plate = plate;
        this.container = container;
    }

    /** {@code still} empty frames, {@code moving} frames of the truck crossing from left to centre, {@code still} again. */
    public List<Picture> frames(int still, int moving) {
        List<Picture> frames = new ArrayList<>();
        for (int i = 0; i < still; i++) {
            frames.add(paint(-1));
        }
        for (int i = 0; i < moving; i++) {
            frames.add(paint(0.35 + 0.3 * i / Math.max(1, moving - 1)));
        }
        for (int i = 0; i < still; i++) {
            frames.add(paint(-1));
        }
        return frames;
    }

    /** The lane with the truck's centre at {@code position} (0..1 of the width), or empty when negative. */
    public Picture paint(double position) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(120, 135, 150));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(75, 75, 80));
        g.fillRect(0, height * 6 / 10, width, height);
        if (position >= 0) {
            double u = width / 1280.0;
            int boxWidth = (int) (620 * u);
            int left = (int) (position * width) - boxWidth / 2;
            int top = (int) (110 * u);
            g.setColor(new Color(170, 40, 35));
            g.fillRect(left, top, boxWidth, (int) (330 * u));
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (46 * u)));
            g.drawString(container.substring(0, 4) + " " + container.substring(4, 10) + " " + container.substring(10),
                    left + (int) (60 * u), top + (int) (90 * u));
            g.setColor(new Color(40, 40, 45));
            g.fillRect(left, top + (int) (330 * u), boxWidth, (int) (120 * u));
            int plateWidth = (int) (300 * u);
            int plateHeight = (int) (72 * u);
            int plateLeft = left + (boxWidth - plateWidth) / 2;
            int plateTop = top + (int) (360 * u);
            g.setColor(new Color(245, 245, 240));
            g.fillRect(plateLeft, plateTop, plateWidth, plateHeight);
            g.setColor(Color.BLACK);
            g.drawRect(plateLeft + 3, plateTop + 3, plateWidth - 7, plateHeight - 7);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (50 * u)));
            int textWidth = g.getFontMetrics().stringWidth(plate);
            g.drawString(plate, plateLeft + (plateWidth - textWidth) / 2, plateTop + (int) (55 * u));
        }
        g.dispose();
        return Picture.of(image);
    }
}
