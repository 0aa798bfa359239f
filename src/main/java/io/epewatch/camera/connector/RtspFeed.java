package io.epewatch.camera.connector;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A live RTSP stream kept open: a platform thread (FFmpeg is native) decodes every frame and keeps the latest one;
 * {@link #next()} hands out at most one new picture per call, as JPEG. Closing stops the thread and the stream.
 */
final class RtspFeed implements LiveFeed {

    private final AtomicReference<BufferedImage> latest = new AtomicReference<>();
    private final AtomicReference<CameraFailure> failed = new AtomicReference<>();
    private final Duration timeout;
    private final CameraAddress address;
    private final Thread decoder;
    private volatile boolean open = true;

    private final io.epewatch.registry.RtspTransport transport;

    RtspFeed(FFmpegFrameGrabber grabber, CameraAddress address, io.epewatch.registry.RtspTransport transport, Duration timeout) {
        this.timeout = timeout;
        this.transport = transport;
        this.address = address;
        this.decoder = Thread.ofPlatform().daemon().name("rtsp-live").start(() -> decode(grabber));
    }

    private void decode(FFmpegFrameGrabber grabber) {
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.startUnsafe();
            while (open) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    failed.set(new CameraFailure(CameraFailure.Kind.UNREACHABLE, "the stream ended"));
                    return;
                }
                BufferedImage copy = copy(converter.convert(frame));
                latest.set(copy);
                synchronized (latest) {
                    latest.notifyAll();
                }
            }
        } catch (FrameGrabber.Exception e) {
            failed.set(FfmpegErrors.failure(RtspConnector.redact(String.valueOf(e.getMessage()), address), transport));
        } finally {
            synchronized (latest) {
                latest.notifyAll();
            }
            try {
                grabber.releaseUnsafe();
            } catch (FrameGrabber.Exception e) {
                // the stream is gone either way
            }
        }
    }

    /** The converter reuses its image for the next frame: the picture handed out must be our own. */
    private static BufferedImage copy(BufferedImage picture) {
        BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(picture, 0, 0, null);
        return copy;
    }

    @Override
    public byte[] next() throws CameraFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (latest) {
            while (latest.get() == null && failed.get() == null && System.nanoTime() < deadline) {
                try {
                    latest.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "interrupted");
                }
            }
        }
        BufferedImage picture = latest.getAndSet(null);
        if (picture != null) {
            return RtspConnector.jpeg(picture);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "no picture within " + timeout.toMillis() + " ms");
    }

    @Override
    public void close() {
        open = false;
        decoder.interrupt();
    }
}
