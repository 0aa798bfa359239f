package io.epewatch.simulator;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * A camera's encoder: while anyone watches, paints and encodes a picture every 1/fps second and hands it to every
 * viewer; it stops when the last viewer leaves. Viewers wait for a key frame before their first picture.
 */
final class LiveEncoder {

    /** One encoded picture: its NAL units, whether it starts a group (IDR), and its 90 kHz timestamp. */
    record Picture(List<byte[]> nalUnits, boolean key, long timestamp90k) {
    }

    interface Viewer {
        /** Returns false when the viewer is gone. */
        boolean accept(Picture picture);
    }

    private final int width;
    private final int height;
    private final int fps;
    private final Supplier<BufferedImage> pictures;
    private final Set<Viewer> viewers = new CopyOnWriteArraySet<>();
    private Thread thread;

    LiveEncoder(int width, int height, int fps, Supplier<BufferedImage> pictures) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.pictures = pictures;
    }

    synchronized void join(Viewer viewer) {
        viewers.add(viewer);
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("simulated-encoder").start(this::run);
        }
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
    }

    private void run() {
        long periodNanos = 1_000_000_000L / fps;
        long start = System.nanoTime();
        try (H264Encoder encoder = new H264Encoder(width, height, fps)) {
            for (long n = 0; ; n++) {
                synchronized (this) {
                    if (viewers.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
                List<byte[]> units = encoder.encode(pictures.get());
                boolean key = units.stream().anyMatch(u -> (u[0] & 0x1F) == 5);
                Picture picture = new Picture(units, key, n * 90_000L / fps);
                for (Viewer viewer : viewers) {
                    if (!viewer.accept(picture)) {
                        viewers.remove(viewer);
                    }
                }
                long sleep = start + (n + 1) * periodNanos - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            }
        }
    }

    synchronized void stop() {
        viewers.clear();
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    /** Sequence and picture parameter sets, for the SDP: encodes one picture if none was seen yet. */
    static List<byte[]> parameterSets(int width, int height, int fps, BufferedImage sample) {
        try (H264Encoder encoder = new H264Encoder(width, height, fps)) {
            return encoder.encode(sample).stream().filter(u -> (u[0] & 0x1F) == 7 || (u[0] & 0x1F) == 8).toList();
        }
    }
}
