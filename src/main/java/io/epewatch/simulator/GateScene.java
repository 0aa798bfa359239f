package io.epewatch.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Paints what a gate camera sees: a road through a gate, a truck crossing with its plate and container number, and
 * the camera's clock burnt into the corner the way cameras do (so two pictures seconds apart always differ).
 */
final class GateScene {

    private static final DateTimeFormatter OSD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(7));
    /** One truck crossing takes this long. */
    static final long CROSSING_MILLIS = 8_000;
    /** Then the lane stays empty this long, as gates are between vehicles (recognition sees each passage end). */
    static final long GAP_MILLIS = 7_000;

    private final int width;
    private final int height;
    private final String name;
    private volatile Traffic traffic;

    GateScene(int width, int height, String name, String plate, String container) {
        this.width = width;
        this.height = height;
        this.name = name;
        this.traffic = Traffic.constant(plate, container);
    }

    void drive(Traffic next) {
        traffic = next;
    }

    /** The picture at {@code elapsedMillis} into the scene, with {@code clock} burnt in. */
    BufferedImage paint(long elapsedMillis, Instant clock) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double u = width / 640.0;
        g.setColor(new Color(96, 120, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(70, 70, 74));
        g.fillRect(0, (int) (height * 0.55), width, height);
        g.setColor(new Color(200, 200, 200));
        g.setStroke(new BasicStroke((float) (6 * u)));
        g.drawLine(0, (int) (height * 0.55), width, (int) (height * 0.55));
        g.setColor(new Color(180, 40, 40));
        g.fillRect((int) (40 * u), (int) (height * 0.2), (int) (14 * u), (int) (height * 0.4));

        Traffic lane = traffic;
        long t = lane.onWallClock() ? clock.toEpochMilli() : elapsedMillis;
        long cycle = lane.cycle().toMillis();
        long inCycle = Math.floorMod(t, cycle);
        Traffic.Vehicle vehicle = lane.vehicles().apply(Math.floorDiv(t, cycle));
        String plate = vehicle.plate();
        String container = vehicle.container();
        double phase = Math.min(1.0, inCycle / (double) CROSSING_MILLIS);
        // a lane watched both ways: even trucks come towards the camera (they grow), odd ones drive away (they shrink)
        double z = !lane.bothWays() ? 1.0 : Math.floorMod(Math.floorDiv(t, cycle), 2) == 0 ? 0.8 + 0.4 * phase : 1.2 - 0.4 * phase;
        double v = u * z;
        int truckWidth = (int) (330 * v);
        int x = (int) (-truckWidth + phase * (width + truckWidth));
        int top = (int) (height * 0.28 + 140 * u - 140 * v);
        g.setColor(new Color(30, 90, 160));
        g.fillRect(x, top, (int) (230 * v), (int) (110 * v));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, (int) (22 * v)));
        g.drawString(container, x + (int) (12 * v), top + (int) (40 * v));
        g.setColor(new Color(220, 220, 220));
        g.fillRect(x + (int) (235 * v), top + (int) (30 * v), (int) (90 * v), (int) (80 * v));
        g.setColor(Color.BLACK);
        g.fillOval(x + (int) (30 * v), top + (int) (100 * v), (int) (40 * v), (int) (40 * v));
        g.fillOval(x + (int) (250 * v), top + (int) (100 * v), (int) (40 * v), (int) (40 * v));
        g.setColor(Color.WHITE);
        g.fillRect(x + (int) (240 * v), top + (int) (80 * v), (int) (84 * v), (int) (22 * v));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (15 * v)));
        g.drawString(plate, x + (int) (243 * v), top + (int) (97 * v));

        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, (int) (14 * u)));
        g.drawString(OSD.format(clock), (int) (8 * u), (int) (18 * u));
        g.drawString(name, (int) (8 * u), height - (int) (8 * u));
        g.dispose();
        return image;
    }

    /**
     * A live sensor never gives the same picture twice: a few specks of noise in the sky, away from the truck and the
     * clock. A frozen camera repeats one picture, noise and all.
     */
    BufferedImage withNoise(BufferedImage image) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        Graphics2D g = image.createGraphics();
        int speck = Math.max(2, width / 160);
        for (int i = 0; i < 12; i++) {
            int grey = 80 + random.nextInt(120);
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(width / 2 + random.nextInt(width / 2 - speck), (int) (height * 0.05) + random.nextInt((int) (height * 0.15)), speck, speck);
        }
        g.dispose();
        return image;
    }

    /** The gate with nobody in it and no clock burnt in: a camera on a still scene (issue 20). */
    BufferedImage empty() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        double u = width / 640.0;
        g.setColor(new Color(96, 120, 140));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(70, 70, 74));
        g.fillRect(0, (int) (height * 0.55), width, height);
        g.setColor(new Color(180, 40, 40));
        g.fillRect((int) (40 * u), (int) (height * 0.2), (int) (14 * u), (int) (height * 0.4));
        g.dispose();
        return image;
    }

    /**
     * A sensor's faint noise over the whole picture: every pixel a level or two up or down. Nothing a person would call
     * a change, and nothing a fingerprint of the picture's areas notices — but a live sensor's JPEG is never the same
     * twice.
     */
    static BufferedImage withSensorNoise(BufferedImage still) {
        BufferedImage copy = new BufferedImage(still.getWidth(), still.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] from = ((java.awt.image.DataBufferByte) still.getRaster().getDataBuffer()).getData();
        byte[] to = ((java.awt.image.DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < from.length; i++) {
            to[i] = (byte) Math.clamp((from[i] & 0xFF) + random.nextInt(5) - 2, 0, 255);
        }
        return copy;
    }

    BufferedImage black() {
        return new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }
}
