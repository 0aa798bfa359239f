package io.epewatch.camera.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.epewatch.camera.CameraFleet;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.kernel.DataDir;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The last minutes of every gate camera's stream, kept in memory as it came (H.264 packets, no decoding), so the clip
 * of a passage (issue 20: 10 s before, 10 s after) is cut from what the camera really sent, without asking the
 * recorder. One platform thread per gate camera (FFmpeg is native code) reads packets and keeps {@code keep} of them;
 * a camera that cannot be reached is retried with a growing pause. Off with
 * {@code epewatch.camera.clips.ring-buffer=false} (then clips come from the recorder's replay, Profile G).
 */
@Component
public class RecentFootage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecentFootage.class);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    private static final byte[] START = {0, 0, 0, 1};

    /** One packet as it came: its bytes (Annex B), whether a picture can be decoded from it alone, and when it came. */
    private record Packet(byte[] data, boolean key, Instant at) {
    }

    /** One camera's ring: its stream's parameter sets and frame rate, and its recent packets. */
    private static final class Ring {
        final Deque<Packet> packets = new ArrayDeque<>();
        volatile byte[] parameterSets = new byte[0];
        volatile int fps = 25;
    }

    private final SiteDiagram diagram;
    private final CameraFleet fleet;
    private final CameraCredentials credentials;
    private final io.epewatch.registry.CameraAddressGuard guard;
    private final Clock clock;
    private final boolean enabled;
    private final Duration keep;
    private final Path work;
    private final Map<Long, Thread> watched = new ConcurrentHashMap<>();
    private final Map<Long, Ring> rings = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    RecentFootage(SiteDiagram diagram, CameraFleet fleet, CameraCredentials credentials, io.epewatch.registry.CameraAddressGuard guard, Clock clock,
                  DataDir dataDir, @Value("${epewatch.camera.clips.ring-buffer:true}") boolean enabled,
                  @Value("${epewatch.camera.clips.keep:2m}") Duration keep) {
        this.diagram = diagram;
        this.fleet = fleet;
        this.credentials = credentials;
        this.guard = guard;
        this.clock = clock;
        this.enabled = enabled;
        this.keep = keep;
        this.work = dataDir.resolve("archive-work");
    }

    @Scheduled(initialDelayString = "${epewatch.camera.clips.initial-delay:15s}", fixedDelay = 60_000)
    void refresh() {
        if (!enabled || !running) {
            return;
        }
        Map<Long, Camera> gates = fleet.mine(diagram.allConnectable()).stream()
                .filter(c -> c.locationKind() == LocationKind.GATE && c.streamUrl() != null && c.streamUrl().startsWith("rtsp"))
                .collect(Collectors.toMap(Camera::id, c -> c));
        for (Long gone : Set.copyOf(watched.keySet())) {
            if (!gates.containsKey(gone)) {
                watched.remove(gone).interrupt();
                rings.remove(gone);
            }
        }
        gates.forEach((id, camera) -> watched.computeIfAbsent(id, k -> Thread.ofPlatform().daemon()
                .name("recent-footage-" + camera.enterpriseTaxCode() + "-" + camera.number()).start(() -> watch(camera))));
    }

    /** Gate cameras gained or lost by this instance are recorded, or let go, at once. */
    @EventListener
    void on(CameraFleet.CameraFleetChanged change) {
        refresh();
    }

    /** Keeps this camera's stream until told to stop; usable on its own (tests). */
    public void watch(Camera camera) {
        Ring ring = rings.computeIfAbsent(camera.id(), id -> new Ring());
        Duration pause = Duration.ofSeconds(2);
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                record(camera, ring);
                pause = Duration.ofSeconds(2);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                log.debug("Recent footage of camera {} of {} interrupted: {}", camera.number(), camera.enterpriseTaxCode(), e.toString());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void record(Camera camera, Ring ring) throws FrameGrabber.Exception {
        String refused = guard.refusalAtConnect(URI.create(camera.streamUrl()));
        if (refused != null) {
            throw new IllegalStateException("the stream's host " + refused); // the SSRF guard, at every connection
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(withAccount(camera));
        grabber.setFormat("rtsp");
        grabber.setOption("rtsp_transport", camera.rtspTransport() == io.epewatch.registry.RtspTransport.UDP ? "udp" : "tcp");
        grabber.setOption("timeout", "5000000");
        grabber.setOption("analyzeduration", "1000000");
        grabber.setOption("probesize", "500000");
        grabber.startUnsafe();
        try {
            ring.fps = grabber.getFrameRate() > 0 ? (int) Math.round(grabber.getFrameRate()) : 25;
            var extradata = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar();
            byte[] sets = new byte[extradata.extradata_size()];
            extradata.extradata().get(sets);
            ring.parameterSets = sets;
            int video = grabber.getVideoStream();
            while (running && !Thread.currentThread().isInterrupted()) {
                AVPacket packet = grabber.grabPacket();
                if (packet == null) {
                    return;
                }
                if (packet.stream_index() != video || packet.size() <= 0) {
                    continue;
                }
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                Instant now = clock.instant();
                synchronized (ring) {
                    ring.packets.addLast(new Packet(data, (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0, now));
                    while (!ring.packets.isEmpty() && ring.packets.peekFirst().at().isBefore(now.minus(keep))) {
                        ring.packets.removeFirst();
                    }
                }
            }
        } finally {
            grabber.releaseUnsafe();
        }
    }

    /**
     * The MP4 clip of [from, to) from what the camera sent, starting at the key picture before {@code from}; empty when
     * the ring does not hold the whole span (it began later, or the camera was not watched).
     */
    public Optional<byte[]> clip(long cameraId, Instant from, Instant to) throws CameraFailure {
        Ring ring = rings.get(cameraId);
        if (ring == null) {
            return Optional.empty();
        }
        List<Packet> span;
        synchronized (ring) {
            if (ring.packets.isEmpty() || ring.packets.peekFirst().at().isAfter(from) || ring.packets.peekLast().at().isBefore(to)) {
                return Optional.empty();
            }
            List<Packet> all = List.copyOf(ring.packets);
            int start = 0;
            for (int i = 0; i < all.size() && !all.get(i).at().isAfter(from); i++) {
                if (all.get(i).key()) {
                    start = i;
                }
            }
            int end = start;
            while (end < all.size() && all.get(end).at().isBefore(to)) {
                end++;
            }
            span = all.subList(start, end);
        }
        if (span.isEmpty() || !span.getFirst().key()) {
            return Optional.empty();
        }
        Path h264 = work.resolve(UUID.randomUUID() + ".h264");
        Path mp4 = work.resolve(h264.getFileName() + ".mp4");
        try {
            Files.createDirectories(work);
            try (OutputStream out = Files.newOutputStream(h264)) {
                out.write(annexB(ring.parameterSets));
                for (Packet packet : span) {
                    out.write(packet.data());
                }
            }
            Remux.toMp4(h264, ring.fps, mp4);
            return Optional.of(Files.readAllBytes(mp4));
        } catch (IOException e) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recent footage could not be written: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(h264);
                Files.deleteIfExists(mp4);
            } catch (IOException e) {
                // cleaned with the work folder at the next start
            }
        }
    }

    /** Extradata as FFmpeg's RTSP demuxer gives it is already Annex B; avcC (MP4-style) would start with 1. */
    private static byte[] annexB(byte[] extradata) {
        if (extradata.length == 0 || extradata[0] == 0) {
            return extradata;
        }
        ByteBuffer sets = ByteBuffer.wrap(extradata);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        sets.position(5);
        for (int group = 0; group < 2 && sets.hasRemaining(); group++) {
            int count = group == 0 ? sets.get() & 0x1F : sets.get() & 0xFF;
            for (int i = 0; i < count && sets.remaining() >= 2; i++) {
                int length = sets.getShort() & 0xFFFF;
                byte[] unit = new byte[Math.min(length, sets.remaining())];
                sets.get(unit);
                out.writeBytes(START);
                out.writeBytes(unit);
            }
        }
        return out.toByteArray();
    }

    private String withAccount(Camera camera) {
        URI stream = URI.create(camera.streamUrl());
        Optional<CameraCredentials.Credential> account = credentials.forSystemUse(camera);
        if (account.isEmpty()) {
            return stream.toString();
        }
        String user = java.net.URLEncoder.encode(account.get().username(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String pass = java.net.URLEncoder.encode(account.get().password() == null ? "" : account.get().password(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return stream.getScheme() + "://" + user + ":" + pass + "@" + stream.getRawAuthority()
                + (stream.getRawPath() == null ? "" : stream.getRawPath()) + (stream.getRawQuery() == null ? "" : "?" + stream.getRawQuery());
    }

    @Override
    public void destroy() {
        running = false;
        watched.values().forEach(Thread::interrupt);
    }
}
