package io.epewatch.camera.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.camera.access.CameraAccess;
import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.connector.LiveFeed;
import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.evidence.NewEvidence;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.UserAccounts;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Live view (R4.7): an officer allowed to watch the camera, signed in with a second factor, gets its pictures as a
 * throttled MJPEG stream (a few per second: enough to follow a truck through a gate, cheap for the camera). Start
 * and stop are audited with how long and how many pictures; the feed closes as soon as the viewer leaves, or after
 * the longest session, whichever comes first. A picture can be kept as evidence on demand.
 */
@Service
public class LiveView {

    public static final String BOUNDARY = "epewatch-frame";
    private static final Logger log = LoggerFactory.getLogger(LiveView.class);

    private final CameraAccess access;
    private final CameraConnectors connectors;
    private final CameraCredentials credentials;
    private final UserAccounts accounts;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;
    private static final int MAX_LATE_PICTURES = 3;
    private final boolean requireMfa;
    private final Duration frameInterval;
    private final Duration longestSession;

    LiveView(CameraAccess access, CameraConnectors connectors, CameraCredentials credentials, UserAccounts accounts,
             EvidenceStore evidence, AuditTrail audit, Clock clock,
             @Value("${epewatch.camera.live.require-mfa:true}") boolean requireMfa,
             @Value("${epewatch.camera.live.frame-interval:400ms}") Duration frameInterval,
             @Value("${epewatch.camera.live.longest-session:15m}") Duration longestSession) {
        this.access = access;
        this.connectors = connectors;
        this.credentials = credentials;
        this.accounts = accounts;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
        this.requireMfa = requireMfa;
        this.frameInterval = frameInterval;
        this.longestSession = longestSession;
    }

    /** Checks everything before a single byte is sent, so a refusal is a clean 403/404. */
    public Camera authorize(Caller caller, String taxCode, String number) {
        Camera camera = access.requireWatch(caller, taxCode, number);
        if (refusal(caller, camera).isPresent()) {
            throw new AccessDeniedException("live view needs an account signed in with a second factor; enrol one first");
        }
        return camera;
    }

    /** Why this caller may not watch this camera (a message key), or empty when they may. */
    public Optional<String> refusal(Caller caller, Camera camera) {
        if (!access.mayWatch(caller, camera)) {
            return Optional.of("live.refused.access");
        }
        if (requireMfa && !accounts.find(caller.name()).map(a -> a.mfaEnabled()).orElse(false)) {
            return Optional.of("live.refused.mfa");
        }
        return Optional.empty();
    }

    /** A viewing opened: the camera's feed and its first picture, sent before any other. */
    public record Viewing(Camera camera, LiveFeed feed, byte[] first) {
    }

    /**
     * Opens the camera's feed and takes its first picture, so that a camera that cannot be watched is answered with
     * its reason before a byte of the stream is sent — not with an empty stream (issue 20). The failure is audited.
     */
    public Viewing open(Caller caller, Camera camera) throws CameraFailure {
        LiveFeed feed = null;
        try {
            feed = connectors.feed(address(caller, camera, "live view"));
            return new Viewing(camera, feed, feed.next());
        } catch (CameraFailure failure) {
            if (feed != null) {
                feed.close();
            }
            audit.record(caller.name(), "LIVE_VIEW_FAILED", camera.enterpriseTaxCode(), "camera:" + camera.number(),
                    Map.of("reason", failure.reason()));
            throw failure;
        }
    }

    /** Streams pictures to {@code out} until the viewer leaves, the camera fails or the session ends. */
    public void stream(Caller caller, Viewing viewing, OutputStream out) {
        Camera camera = viewing.camera();
        Instant started = clock.instant();
        audit.record(caller.name(), "LIVE_VIEW_STARTED", camera.enterpriseTaxCode(), "camera:" + camera.number(), Map.of());
        int frames = 0;
        String ended = "viewer left";
        try (LiveFeed feed = viewing.feed()) {
            long deadline = System.nanoTime() + longestSession.toNanos();
            int late = 0;
            byte[] first = viewing.first();
            while (System.nanoTime() < deadline) {
                long next = System.nanoTime() + frameInterval.toNanos();
                byte[] jpeg;
                try {
                    jpeg = first != null ? first : feed.next();
                    first = null;
                    late = 0;
                } catch (CameraFailure failure) {
                    // one picture that did not come in time (a busy camera, a busy server) does not end the viewing;
                    // three in a row do (issue 15: the demo's live view ended on its first late picture)
                    if (failure.kind() != CameraFailure.Kind.TIMEOUT || ++late >= MAX_LATE_PICTURES || Thread.currentThread().isInterrupted()) {
                        throw failure;
                    }
                    continue;
                }
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\nX-Captured-At: " + clock.instant() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                frames++;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            ended = "longest session reached";
        } catch (CameraFailure failure) {
            // a fetch cut short because the viewer left is not the camera's failure
            ended = Thread.currentThread().isInterrupted() ? "viewer left" : "camera: " + failure.reason();
        } catch (IOException e) {
            ended = "viewer left";
        } catch (InterruptedException e) {
            ended = "viewer left"; // the container cancels the stream when the connection drops
        } finally {
            // recorded on a thread of its own: the container may interrupt this one at any moment once the viewer is
            // gone, and an interrupt closes the JDBC socket under the audit write
            long seconds = Duration.between(started, clock.instant()).toSeconds();
            int pictures = frames;
            String reason = ended;
            Thread.ofVirtual().name("live-view-audit").start(() -> audit.record(caller.name(), "LIVE_VIEW_STOPPED",
                    camera.enterpriseTaxCode(), "camera:" + camera.number(), Map.of("seconds", seconds, "frames", pictures, "ended", reason)));
            log.info("Live view of camera {} of {} by {} ended after {} pictures: {}", camera.number(), camera.enterpriseTaxCode(),
                    caller.name(), frames, ended);
        }
    }

    /** Takes one picture now and keeps it as evidence (R2.2), audited. */
    public EvidenceItem capture(Caller caller, String taxCode, String number) throws CameraFailure {
        Camera camera = authorize(caller, taxCode, number);
        byte[] jpeg;
        try (LiveFeed feed = connectors.feed(address(caller, camera, "evidence capture"))) {
            jpeg = feed.next();
        }
        EvidenceItem item = evidence.store(new NewEvidence(jpeg, "image/jpeg", taxCode, number, clock.instant()), List.of());
        audit.record(caller.name(), "EVIDENCE_CAPTURED", taxCode, "camera:" + number, Map.of("evidence", item.id().toString(),
                "sha256", item.sha256()));
        return item;
    }

    private CameraAddress address(Caller caller, Camera camera, String purpose) {
        return CameraAddress.of(camera, credentials.useFor(caller, camera.enterpriseTaxCode(), camera.number(), purpose));
    }
}
