package io.epewatch.camera.connector;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import io.epewatch.registry.RtspTransport;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A camera seen through its RTSP stream (H.264/H.265), decoded by FFmpeg (JavaCV): opens the stream over TCP
 * (interleaved) or UDP — the camera's own choice, else the system's default; AUTO tries TCP, then UDP when the server
 * refuses TCP, and remembers what worked — decodes for a short window (enough to measure the real frame rate and
 * resolution) and keeps the last picture. FFmpeg runs in native code, which would pin a virtual thread's carrier, so streams are opened
 * on a small pool of platform threads of their own; FFmpeg's own I/O timeout and an interrupt callback bound each
 * call, and the caller stops waiting at the total timeout whatever FFmpeg does.
 */
final class RtspConnector implements CameraConnector {

    private final Duration timeout;
    private final Duration window;
    private final RtspTransport transport;
    /** For AUTO cameras: the transport each stream accepted last. */
    private final java.util.Map<URI, RtspTransport> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    private final AddressCheck addresses;
    private final Clock clock;
    private final ExecutorService decoders;
    private final Semaphore slots;

    RtspConnector(Duration timeout, Duration window, RtspTransport transport, int parallel, AddressCheck addresses, Clock clock) {
        this.timeout = timeout;
        this.window = window;
        this.transport = transport;
        this.addresses = addresses;
        this.clock = clock;
        this.decoders = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("rtsp-decoder-", 0).factory());
        this.slots = new Semaphore(parallel);
        avutil.av_log_set_level(avutil.AV_LOG_QUIET); // FFmpeg would print stream addresses, accounts included, to stderr
    }

    @Override
    public Protocol protocol() {
        return Protocol.RTSP;
    }

    @Override
    public boolean serves(CameraAddress address) {
        return address.stream() != null && address.stream().getScheme() != null
                && address.stream().getScheme().toLowerCase().startsWith("rtsp");
    }

    @Override
    public Observation observe(CameraAddress address) throws CameraFailure {
        addresses.verify(address.stream());
        RtspTransport chosen = address.transport() == null ? transport : address.transport();
        if (chosen != RtspTransport.AUTO) {
            return observe(address, chosen);
        }
        RtspTransport first = accepted.getOrDefault(address.stream(), RtspTransport.TCP);
        try {
            Observation seen = observe(address, first);
            accepted.put(address.stream(), first);
            return seen;
        } catch (CameraFailure refused) {
            if (refused.kind() != CameraFailure.Kind.TRANSPORT_REFUSED) {
                throw refused;
            }
            RtspTransport other = first == RtspTransport.TCP ? RtspTransport.UDP : RtspTransport.TCP;
            Observation seen = observe(address, other);
            accepted.put(address.stream(), other);
            return seen;
        }
    }

    private Observation observe(CameraAddress address, RtspTransport over) throws CameraFailure {
        try {
            // the clock starts when a decoder is free: waiting for one is not the camera's fault
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "interrupted");
        }
        Future<Observation> decoding;
        try {
            decoding = decoders.submit(() -> {
                try {
                    return decode(address, over);
                } finally {
                    slots.release(); // only when FFmpeg has let go: a stream hung in native code keeps its slot
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            return decoding.get(timeout.plus(window).plus(timeout).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            decoding.cancel(true);
            throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "the stream gave no pictures within " + timeout.plus(window).toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CameraFailure failure) {
                throw failure;
            }
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, redact(String.valueOf(e.getCause().getMessage()), address));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "interrupted");
        }
    }

    /** The stream kept open for live view. */
    LiveFeed feed(CameraAddress address) throws CameraFailure {
        addresses.verify(address.stream());
        RtspTransport chosen = address.transport() == null ? transport : address.transport();
        if (chosen == RtspTransport.AUTO) {
            chosen = accepted.getOrDefault(address.stream(), RtspTransport.TCP);
        }
        return new RtspFeed(grabber(address, chosen), address, chosen, timeout);
    }

    private FFmpegFrameGrabber grabber(CameraAddress address, RtspTransport over) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(withAccount(address));
        grabber.setFormat("rtsp");
        grabber.setOption("rtsp_transport", over.name().toLowerCase());
        grabber.setOption("timeout", String.valueOf(timeout.toNanos() / 1000));
        grabber.setOption("analyzeduration", "1000000");
        grabber.setOption("probesize", "500000");
        grabber.setTimeout((int) timeout.toMillis());
        return grabber;
    }

    private Observation decode(CameraAddress address, RtspTransport over) throws CameraFailure {
        FFmpegFrameGrabber grabber = grabber(address, over);
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            // not start(): that holds a JVM-wide lock on avcodec for the whole network open, so one hung camera would
            // stall every other stream; FFmpeg's open calls are thread-safe on their own
            grabber.startUnsafe();
            long firstTimestamp = -1;
            long lastTimestamp = -1;
            int frames = 0;
            BufferedImage last = null;
            long until = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < until) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                if (firstTimestamp < 0) {
                    firstTimestamp = frame.timestamp;
                }
                lastTimestamp = frame.timestamp;
                frames++;
                last = converter.convert(frame);
            }
            if (last == null) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the stream opened but delivered no picture");
            }
            Double fps = frames > 1 && lastTimestamp > firstTimestamp ? (frames - 1) * 1_000_000.0 / (lastTimestamp - firstTimestamp) : null;
            return new Observation(clock.instant(), Protocol.RTSP, last.getWidth(), last.getHeight(), fps, null, jpeg(last), FrameSample.of(last));
        } catch (FrameGrabber.Exception e) {
            throw FfmpegErrors.failure(redact(String.valueOf(e.getMessage()), address), over);
        } finally {
            try {
                grabber.releaseUnsafe();
            } catch (FrameGrabber.Exception e) {
                // closing a stream that failed: nothing left to release
            }
        }
    }

    /** FFmpeg takes the account in the URL; it is put there only here, never stored or logged. */
    private static String withAccount(CameraAddress address) {
        URI stream = address.stream();
        if (address.username() == null) {
            return stream.toString();
        }
        String account = encode(address.username()) + ":" + encode(address.password() == null ? "" : address.password()) + "@";
        return stream.getScheme() + "://" + account + stream.getRawAuthority() + (stream.getRawPath() == null ? "" : stream.getRawPath())
                + (stream.getRawQuery() == null ? "" : "?" + stream.getRawQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** FFmpeg's messages quote the URL, account included: never let one out. */
    static String redact(String message, CameraAddress address) {
        String cleaned = message.replaceAll("rtsps?://[^@/\\s\"]*@", "rtsp://***@");
        if (address.password() != null && !address.password().isEmpty()) {
            cleaned = cleaned.replace(address.password(), "***").replace(encode(address.password()), "***");
        }
        return cleaned;
    }

    static byte[] jpeg(BufferedImage picture) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        }
    }
}
