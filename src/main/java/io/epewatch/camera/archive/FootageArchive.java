package io.epewatch.camera.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.live.LiveView;
import io.epewatch.camera.onvif.OnvifClient;
import io.epewatch.camera.onvif.Recording;
import io.epewatch.evidence.EvidenceExports;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.ExportPackage;
import io.epewatch.evidence.ExportRequest;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.DataDir;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The EPE's 12-month footage, reached from customs (R2.2): the footage stays on the EPE's recorder or camera, which
 * customs searches and replays over ONVIF Profile G. An officer allowed to watch the camera searches a span and plays
 * it in the page (HLS, kept an hour); customs staff pull a span into the evidence store as an MP4 clip — hashed, on
 * legal hold, with its signed export package built at once. Every search, playing and pull is audited.
 */
@Service
public class FootageArchive {

    /** The longest span played or pulled at once: a recorder replays it in minutes, and the clip stays a few hundred MB at most. */
    public static final Duration LONGEST_SPAN = Duration.ofMinutes(30);
    private static final long MAX_CLIP_BYTES = 256L * 1024 * 1024;
    private static final Duration PLAYBACK_KEPT = Duration.ofHours(1);

    /**
     * What the camera's device holds for a span.
     *
     * @param profileG  whether the device offers recording search and replay at all
     * @param recording the recording of this camera, or null
     * @param holds     whether that recording covers the whole span
     */
    public record Search(Instant from, Instant to, boolean profileG, Recording.Summary summary, Recording recording,
                         List<Recording> recordings, boolean holds) {
    }

    /** A span played in the page: its HLS playlist, and the moments the first and last pictures were recorded. */
    public record Playback(UUID id, String taxCode, String cameraNumber, String owner, Instant first, Instant last, Instant createdAt) {
    }

    /** A span kept as evidence: the MP4 clip (on legal hold) and the signed export package holding it. */
    public record Clip(EvidenceItem item, ExportPackage export, Instant first, Instant last, int pictures) {
    }

    private final LiveView live;
    private final CameraConnectors connectors;
    private final CameraCredentials credentials;
    private final EvidenceStore evidence;
    private final EvidenceExports exports;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path playbackRoot;
    private final Path work;
    private final RtspReplay replay;
    private final RecentFootage recent;
    private final Map<UUID, Playback> playbacks = new ConcurrentHashMap<>();

    FootageArchive(LiveView live, CameraConnectors connectors, CameraCredentials credentials, EvidenceStore evidence,
                   EvidenceExports exports, AuditTrail audit, Clock clock, DataDir dataDir, RecentFootage recent,
                   @Value("${epewatch.camera.archive.replay-timeout:20s}") Duration replayTimeout) {
        this.live = live;
        this.recent = recent;
        this.connectors = connectors;
        this.credentials = credentials;
        this.evidence = evidence;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
        this.playbackRoot = dataDir.resolve("archive-playback");
        this.work = dataDir.resolve("archive-work");
        this.replay = new RtspReplay(replayTimeout, MAX_CLIP_BYTES);
        clean(playbackRoot, Duration.ZERO); // playings of an earlier run are not served again
        clean(work, Duration.ZERO);
    }

    /** What the device holds for [from, to); for those who may watch the camera (R4.7). Audited. */
    public Search search(Caller caller, String taxCode, String number, String from, String to) throws CameraFailure {
        Camera camera = live.authorize(caller, taxCode, number);
        Instant[] span = span(from, to);
        Optional<OnvifClient.Archive> archive = connectors.archive(address(caller, camera, "footage search"));
        audit.record(caller.name(), "ARCHIVE_SEARCHED", taxCode, "camera:" + number,
                Map.of("from", span[0].toString(), "to", span[1].toString()));
        if (archive.isEmpty()) {
            return new Search(span[0], span[1], false, null, null, List.of(), false);
        }
        Recording recording = archive.get().recording();
        return new Search(span[0], span[1], true, archive.get().summary(), recording, archive.get().recordings(),
                recording != null && recording.holds(span[0], span[1]));
    }

    /** Replays the span from the device and makes it playable in the page (HLS). Audited. */
    public Playback play(Caller caller, String taxCode, String number, String from, String to) throws CameraFailure {
        Camera camera = live.authorize(caller, taxCode, number);
        Instant[] span = span(from, to);
        clean(playbackRoot, PLAYBACK_KEPT);
        UUID id = UUID.randomUUID();
        Path folder = playbackRoot.resolve(id.toString());
        RtspReplay.Pulled pulled = pull(caller, camera, span, "footage playback");
        try {
            Files.createDirectories(folder);
            Remux.toHls(pulled.h264(), pulled.fps(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("the playback could not be written", e);
        } finally {
            delete(pulled.h264());
        }
        Playback playback = new Playback(id, taxCode, number, caller.name(), pulled.first(), pulled.last(), clock.instant());
        playbacks.put(id, playback);
        audit.record(caller.name(), "ARCHIVE_PLAYED", taxCode, "camera:" + number, Map.of("from", span[0].toString(),
                "to", span[1].toString(), "pictures", pulled.pictures()));
        return playback;
    }

    /** A file of a playback (its playlist or a segment), to the officer who asked for it. */
    public Path playbackFile(Caller caller, String taxCode, String number, UUID id, String name) {
        Playback playback = playbacks.get(id);
        if (playback == null || !playback.taxCode().equals(taxCode) || !playback.cameraNumber().equals(number)
                || !playback.owner().equals(caller.name()) || !name.matches("index\\.m3u8|segment\\d{4}\\.ts")) {
            throw new NotFoundException("playback", id.toString());
        }
        live.authorize(caller, taxCode, number);
        Path file = playbackRoot.resolve(id.toString()).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("playback", id + "/" + name);
        }
        return file;
    }

    /**
     * Pulls the span into the evidence store (R2.2): the recorder's pictures as an MP4 clip dated by the recorder's own
     * times, its SHA-256, a legal hold with the reason, and the signed export package of the span. Customs only; audited.
     */
    public Clip pull(Caller caller, String taxCode, String number, String from, String to, String reason) throws CameraFailure {
        if (!caller.isCustoms()) {
            throw new AccessDeniedException("only customs staff keep footage as evidence");
        }
        Camera camera = live.authorize(caller, taxCode, number);
        InputCheck check = new InputCheck();
        if (check.require("reason", reason) && reason.strip().length() < 10) {
            check.reject("reason", "exportReason", "say in at least 10 characters why the evidence is exported");
        }
        check.throwIfAny();
        Instant[] span = span(from, to);
        RtspReplay.Pulled pulled = pull(caller, camera, span, "footage pulled into evidence");
        Path mp4 = pulled.h264().resolveSibling(pulled.h264().getFileName() + ".mp4");
        EvidenceItem item;
        try {
            Remux.toMp4(pulled.h264(), pulled.fps(), mp4);
            item = evidence.store(new NewEvidence(Files.readAllBytes(mp4), "video/mp4", taxCode, number, pulled.first()), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("the clip could not be read back", e);
        } finally {
            delete(pulled.h264());
            delete(mp4);
        }
        evidence.hold(item.id(), "footage pulled by " + caller.name() + ": " + reason.strip());
        ExportPackage export = exports.export(caller, new ExportRequest(taxCode, number, span[0].toString(), span[1].toString(), reason.strip()));
        audit.record(caller.name(), "ARCHIVE_PULLED", taxCode, "camera:" + number, Map.of("from", span[0].toString(),
                "to", span[1].toString(), "evidence", item.id().toString(), "sha256", item.sha256(), "export", export.id().toString(),
                "reason", reason.strip()));
        return new Clip(evidence.find(item.id()).orElse(item), export, pulled.first(), pulled.last(), pulled.pictures());
    }

    /** A clip the system cut for itself: the MP4, or why there is none. */
    public record SystemClip(byte[] mp4, String whyNot) {
    }

    /**
     * A clip of [from, to) for the system itself (the automatic clip of a passage, issue 20): from the camera's recent
     * footage when it holds the span, else replayed from its recorder; else why neither has it.
     */
    public SystemClip clipForSystem(Camera camera, Instant from, Instant to) {
        try {
            Optional<byte[]> recent = this.recent.clip(camera.id(), from, to);
            if (recent.isPresent()) {
                return new SystemClip(recent.get(), null);
            }
            if (camera.onvifUrl() == null) {
                return new SystemClip(null, "the camera's recent footage does not hold these seconds, and it has no ONVIF recorder to replay them");
            }
            CameraAddress address = CameraAddress.of(camera, credentials.forSystemUse(camera));
            Optional<OnvifClient.Archive> archive = connectors.archive(address);
            if (archive.isEmpty() || archive.get().replayUri() == null) {
                return new SystemClip(null, "NO_PROFILE_G: the camera's recent footage does not hold these seconds, and its recorder offers no replay (Profile G)");
            }
            if (!archive.get().recording().holds(from, to)) {
                return new SystemClip(null, "the recorder does not hold these seconds");
            }
            RtspReplay.Pulled pulled = pull(address, archive.get(), new Instant[] {from, to});
            Path mp4 = pulled.h264().resolveSibling(pulled.h264().getFileName() + ".mp4");
            try {
                Remux.toMp4(pulled.h264(), pulled.fps(), mp4);
                return new SystemClip(Files.readAllBytes(mp4), null);
            } catch (IOException e) {
                throw new UncheckedIOException("the clip could not be read back", e);
            } finally {
                delete(pulled.h264());
                delete(mp4);
            }
        } catch (CameraFailure failure) {
            return new SystemClip(null, failure.reason());
        }
    }

    private RtspReplay.Pulled pull(Caller caller, Camera camera, Instant[] span, String purpose) throws CameraFailure {
        CameraAddress address = address(caller, camera, purpose);
        OnvifClient.Archive archive = connectors.archive(address)
                .orElseThrow(() -> new CameraFailure(CameraFailure.Kind.BAD_ANSWER,
                        "NO_PROFILE_G: the camera's device offers no recording search or replay (ONVIF Profile G)"));
        return pull(address, archive, span);
    }

    private RtspReplay.Pulled pull(CameraAddress address, OnvifClient.Archive archive, Instant[] span) throws CameraFailure {
        if (archive.recording() == null || archive.replayUri() == null) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the device keeps no recording of this camera's channel");
        }
        try {
            Files.createDirectories(work);
            Path h264 = work.resolve(UUID.randomUUID() + ".h264");
            try {
                return replay.pull(archive.replayUri(), address.username(), address.password(), span[0], span[1], h264);
            } catch (CameraFailure | RuntimeException e) {
                delete(h264);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no room for the replay", e);
        }
    }

    /** [from, to): both given, in order, at most {@link #LONGEST_SPAN}, not in the future. */
    private Instant[] span(String from, String to) {
        InputCheck check = new InputCheck();
        Instant start = check.parse("from", from, io.epewatch.kernel.Timestamps::parse);
        Instant end = check.parse("to", to, io.epewatch.kernel.Timestamps::parse);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                check.reject("to", "windowOrder", "must be after from");
            } else if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
                check.reject("to", "spanTooLong", "at most " + LONGEST_SPAN.toMinutes() + " minutes at once", LONGEST_SPAN.toMinutes());
            }
            if (start.isAfter(clock.instant())) {
                check.reject("from", "inTheFuture", "is in the future");
            }
        }
        check.throwIfAny();
        return new Instant[] {start, end};
    }

    private CameraAddress address(Caller caller, Camera camera, String purpose) {
        return CameraAddress.of(camera, credentials.useFor(caller, camera.enterpriseTaxCode(), camera.number(), purpose));
    }

    /** Deletes what under {@code root} is older than {@code age}. */
    private void clean(Path root, Duration age) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant cutoff = clock.instant().minus(age);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff) || age.isZero()) {
                    try (Stream<Path> tree = Files.walk(entry)) {
                        tree.sorted(Comparator.reverseOrder()).forEach(FootageArchive::delete);
                    }
                    playbacks.remove(parse(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            // a file in use: cleaned next time
        }
    }

    private static UUID parse(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left for the next clean-up
        }
    }
}
