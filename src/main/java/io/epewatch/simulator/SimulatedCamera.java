package io.epewatch.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One simulated IP camera on 127.0.0.1: ONVIF at {@link #onvifUrl()}, JPEG snapshots at {@link #snapshotUrl()} and
 * H.264 over RTSP at {@link #rtspUrl()}, all behind one account. {@link #fault(Fault)} breaks it the ways real cameras
 * break. Several cameras may share one HTTP server (a {@link CameraFarm}); those have no RTSP side.
 */
public final class SimulatedCamera implements AutoCloseable {

    /** HTTP snapshot authentication. */
    public enum SnapshotAuth { DIGEST, BASIC, NONE }

    /** How the ONVIF SOAP calls are authenticated: the WS-UsernameToken in the envelope, or HTTP Digest only. */
    public enum OnvifAuth { USERNAME_TOKEN, HTTP_DIGEST }

    /**
     * What the camera is and shows.
     *
     * @param username null for a camera without an account (everything open)
     */
    public record Spec(String name, String username, String password, SnapshotAuth snapshotAuth, int width, int height, int fps,
                       String plate, String container, String model, String firmware) {

        public static Spec of(String name, String username, String password) {
            return new Spec(name, username, password, SnapshotAuth.DIGEST, 640, 360, 25, "51C-123.45", "MSKU 123456 5",
                    "GateCam 2MP", "V5.7.3");
        }

        public Spec withSize(int width, int height, int fps) {
            return new Spec(name, username, password, snapshotAuth, width, height, fps, plate, container, model, firmware);
        }

        public Spec withSnapshotAuth(SnapshotAuth auth) {
            return new Spec(name, username, password, auth, width, height, fps, plate, container, model, firmware);
        }

        public Spec showing(String plate, String container) {
            return new Spec(name, username, password, snapshotAuth, width, height, fps, plate, container, model, firmware);
        }
    }

    private final Spec spec;
    private final GateScene scene;
    private final DigestAuthority authority;
    private final OnvifService onvif = new OnvifService(this);
    private final String nonce = DigestAuthority.newNonce();
    private final String prefix;
    private final boolean sharedServer;
    private final long bornNanos = System.nanoTime();
    private final RtspServer rtsp;
    private final LiveEncoder encoder;
    private HttpServer http;
    private int httpPort;
    private List<byte[]> parameterSets;

    private volatile Fault fault = Fault.NONE;
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile Duration slowness = Duration.ofSeconds(20);
    private volatile boolean xxe;
    private volatile boolean garbage;
    private volatile BufferedImage frozen;
    private volatile BufferedImage still;
    private volatile OnvifAuth onvifAuth = OnvifAuth.USERNAME_TOKEN;
    private volatile int channels = 1;
    private volatile URI reportedMedia;
    private volatile String refusedTransport;
    private volatile boolean profileG = true;
    private volatile Instant archiveSince = Instant.now().minus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private volatile int archiveFps = 5;

    private SimulatedCamera(Spec spec, HttpServer shared, String prefix) {
        this.spec = spec;
        this.scene = new GateScene(spec.width(), spec.height(), spec.name(), spec.plate(), spec.container());
        this.authority = new DigestAuthority(spec.username(), spec.password());
        this.prefix = prefix;
        this.sharedServer = shared != null;
        this.encoder = new LiveEncoder(spec.width(), spec.height(), spec.fps(), this::picture);
        this.rtsp = sharedServer ? null : new RtspServer(this);
        if (shared != null) {
            http = shared;
            httpPort = shared.getAddress().getPort();
            route(shared);
        }
    }

    /** Starts a camera with its own HTTP and RTSP ports, chosen by the system. */
    public static SimulatedCamera start(Spec spec) {
        return start(spec, 0, 0);
    }

    /** Starts a camera on these ports (0: any free one), so that its addresses stay the same across restarts. */
    public static SimulatedCamera start(Spec spec, int httpPort, int rtspPort) {
        SimulatedCamera camera = new SimulatedCamera(spec, null, "");
        camera.httpPort = httpPort;
        camera.rtsp.port(rtspPort);
        try {
            camera.openPorts();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulated camera's ports", e);
        }
        return camera;
    }

    static SimulatedCamera onShared(HttpServer server, String prefix, Spec spec) {
        return new SimulatedCamera(spec, server, prefix);
    }

    private synchronized void openPorts() throws IOException {
        HttpServer server = HttpServer.create();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route(server);
        server.start();
        http = server;
        httpPort = server.getAddress().getPort();
        rtsp.open();
    }

    private void route(HttpServer server) {
        server.createContext(prefix + "/onvif/device_service", this::soap);
        server.createContext(prefix + "/onvif/media_service", this::soap);
        server.createContext(prefix + "/snapshot.jpg", this::snapshot);
        // Profile G: the recorder's archive, searched and replayed (issue 20)
        server.createContext(prefix + "/onvif/search_service", this::soap);
        server.createContext(prefix + "/onvif/replay_service", this::soap);
    }

    public Spec spec() {
        return spec;
    }

    public URI onvifUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/onvif/device_service");
    }

    URI mediaUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/onvif/media_service");
    }

    public URI snapshotUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/snapshot.jpg?channel=1");
    }

    /** The main stream; null for a camera in a farm. */
    public URI rtspUrl() {
        return rtsp == null ? null : URI.create("rtsp://127.0.0.1:" + rtsp.port() + RtspServer.PATH);
    }

    /** Sends these trucks across the picture from now on. */
    public void drive(Traffic traffic) {
        scene.drive(traffic);
    }

    /** Breaks the camera (or mends it, with {@link Fault#NONE}); effective at once. */
    public synchronized void fault(Fault next) {
        Fault previous = fault;
        if (next == Fault.FROZEN) {
            frozen = scene.withNoise(scene.paint(elapsedMillis(), cameraClock()));
        }
        fault = next;
        if (sharedServer || previous == next) {
            return;
        }
        if (next == Fault.OFFLINE) {
            encoder.stop();
            http.stop(0);
            rtsp.close();
        } else if (previous == Fault.OFFLINE) {
            try {
                openPorts();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reopen the simulated camera's ports", e);
            }
        }
    }

    public Fault fault() {
        return fault;
    }

    /** Sets the camera's clock this far from the true time (ONVIF answers and the picture's burnt-in clock follow). */
    public void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    /** How long a {@link Fault#SLOW} camera takes to answer. */
    public void slowness(Duration delay) {
        slowness = delay;
    }

    /** Answers ONVIF requests with an XXE payload, as a hostile device would. */
    public void answerWithXxe(boolean on) {
        xxe = on;
    }

    /** Answers snapshots with an HTML login page instead of a JPEG, as misconfigured cameras do. */
    public void sendGarbage(boolean on) {
        garbage = on;
    }

    /** Shows an empty gate with no clock burnt in, and only a sensor's faint noise from picture to picture. */
    public void showStillScene(boolean on) {
        still = on ? scene.empty() : null;
    }

    /** Wants HTTP Digest on its ONVIF calls and ignores the WS-UsernameToken, as some devices do. */
    public void onvifAuth(OnvifAuth auth) {
        onvifAuth = auth;
    }

    /** A recorder: this many channels behind one ONVIF address, profile {@code Profile_n} with snapshots at {@code channel=n}. */
    public void channels(int count) {
        channels = count;
    }

    /** Reports this media service address in GetCapabilities instead of its own (a hostile or misconfigured device). */
    public void reportMediaAt(URI address) {
        reportedMedia = address;
    }

    /** Answers a SETUP over this transport ("TCP" or "UDP") with 461 Unsupported Transport; null: accepts both. */
    public void refuseRtspOver(String transport) {
        refusedTransport = transport;
    }

    /** Whether the device offers Profile G (recording search and replay); on by default. */
    public void profileG(boolean on) {
        profileG = on;
    }

    /** The archive holds footage from this moment until now (by default some 13 months: the 12 months R2.2 asks, and more). */
    public void archiveSince(Instant since) {
        archiveSince = since;
    }

    /** The frame rate the recorder keeps its archive at (5 by default: archives are often thinner than live). */
    public void archiveFps(int fps) {
        archiveFps = fps;
    }

    boolean profileG() {
        return profileG;
    }

    Instant archiveSince() {
        return archiveSince;
    }

    int archiveFps() {
        return archiveFps;
    }

    URI searchUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/onvif/search_service");
    }

    URI replayServiceUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/onvif/replay_service");
    }

    /** The RTSP address of a recording's replay; null for a camera in a farm. */
    URI replayUrl(String recording) {
        return rtsp == null ? null : URI.create("rtsp://127.0.0.1:" + rtsp.port() + RtspServer.RECORDINGS + recording);
    }

    /** What the sensor saw at {@code at} (the scene of that moment, with that moment's clock burnt in), for replay. */
    BufferedImage recorded(Instant at, int channel) {
        BufferedImage picture = scene.withNoise(scene.paint(at.toEpochMilli(), at));
        if (channel <= 1) {
            return picture;
        }
        return channel(picture, "channel=" + channel);
    }

    String refusedTransport() {
        return refusedTransport;
    }

    OnvifAuth onvifAuth() {
        return onvifAuth;
    }

    int channels() {
        return channels;
    }

    URI reportedMedia() {
        return reportedMedia;
    }

    Instant cameraClock() {
        return Instant.now().plus(clockOffset);
    }

    boolean xxe() {
        return xxe;
    }

    DigestAuthority authority() {
        return authority;
    }

    int fps() {
        return spec.fps();
    }

    LiveEncoder encoder() {
        return encoder;
    }

    synchronized List<byte[]> parameterSets() {
        if (parameterSets == null) {
            parameterSets = LiveEncoder.parameterSets(spec.width(), spec.height(), spec.fps(), scene.black());
        }
        return parameterSets;
    }

    void delay() {
        if (fault == Fault.SLOW) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the sensor sees now, fault included. */
    BufferedImage picture() {
        return switch (fault) {
            case BLACK -> scene.black();
            case FROZEN -> frozen;
            default -> still != null ? GateScene.withSensorNoise(still) : scene.withNoise(scene.paint(elapsedMillis(), cameraClock()));
        };
    }

    private long elapsedMillis() {
        return (System.nanoTime() - bornNanos) / 1_000_000;
    }

    private void soap(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (fault == Fault.OFFLINE) {
                return;
            }
            delay();
            String request = new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8);
            if (onvifAuth == OnvifAuth.HTTP_DIGEST && !request.contains("GetSystemDateAndTime")
                    && !authority.valid(exchange.getRequestHeaders().getFirst("Authorization"), "POST", nonce)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", authority.challenge(nonce, true));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            OnvifService.Answer answer = onvif.answer(request);
            send(exchange, answer.status(), "application/soap+xml; charset=utf-8", answer.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void snapshot(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (fault == Fault.OFFLINE) {
                return;
            }
            delay();
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authorized = switch (spec.snapshotAuth()) {
                case NONE -> true;
                case BASIC -> authority.validBasic(header);
                case DIGEST -> authority.valid(header, "GET", nonce);
            };
            if (!authorized) {
                exchange.getResponseHeaders().add("WWW-Authenticate", spec.snapshotAuth() == SnapshotAuth.DIGEST
                        ? authority.challenge(nonce, true) : "Basic realm=\"" + DigestAuthority.REALM + "\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (garbage) {
                send(exchange, 200, "text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "image/jpeg", jpeg(channel(picture(), exchange.getRequestURI().getQuery())));
        }
    }

    /** A recorder's channel n shows the scene at 1/n of the size (so a test can tell which channel it got). */
    private BufferedImage channel(BufferedImage picture, String query) {
        int n = 1;
        if (query != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|&)channel=(\\d{1,2})").matcher(query);
            n = m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        if (n <= 1 || n > channels) {
            return picture;
        }
        BufferedImage scaled = new BufferedImage(spec.width() / n, spec.height() / n, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.drawImage(picture, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
        g.dispose();
        return scaled;
    }

    public URI snapshotUrl(int channel) {
        return URI.create("http://127.0.0.1:" + httpPort + prefix + "/snapshot.jpg?channel=" + channel);
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public synchronized void close() {
        encoder.stop();
        if (!sharedServer) {
            http.stop(0);
            rtsp.close();
        }
    }
}
