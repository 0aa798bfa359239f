package io.epewatch.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The camera's RTSP side (RFC 2326): OPTIONS, DESCRIBE (behind Digest authentication), SETUP with RTP over
 * TCP-interleaved or UDP, PLAY, GET_PARAMETER and TEARDOWN, for one H.264 track at {@code /Streaming/Channels/101};
 * and the replay of recordings (ONVIF Profile G, Streaming Specification 6) at {@code /recording/REC_n}: PLAY with
 * {@code Range: clock=…}, the recorded moment of each picture in the 0xABAC header extension, as fast as the client
 * reads with {@code Rate-Control: no}, and an RTCP BYE at the end of the range.
 */
final class RtspServer implements AutoCloseable {

    private static final Pattern CLIENT_PORT = Pattern.compile("client_port=(\\d+)(?:-(\\d+))?");
    private static final Pattern INTERLEAVED = Pattern.compile("interleaved=(\\d+)(?:-(\\d+))?");
    static final String PATH = "/Streaming/Channels/101";
    /** Where recordings are replayed (Profile G): {@code /recording/REC_n}. */
    static final String RECORDINGS = "/recording/";
    private static final Pattern CLOCK_RANGE = Pattern.compile("clock=(\\d{8}T\\d{6}(?:\\.\\d+)?Z)-(\\d{8}T\\d{6}(?:\\.\\d+)?Z)?");
    private static final java.time.format.DateTimeFormatter CLOCK = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyyMMdd'T'HHmmss").optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().appendLiteral('Z').toFormatter().withZone(java.time.ZoneOffset.UTC);

    private final SimulatedCamera camera;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile int port;

    RtspServer(SimulatedCamera camera) {
        this.camera = camera;
    }

    synchronized void open() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        server = socket;
        Thread.ofVirtual().name("simulated-rtsp-accept").start(() -> accept(socket));
    }

    int port() {
        return port;
    }

    void port(int fixed) {
        port = fixed;
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().name("simulated-rtsp").start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        Session session = new Session(connection);
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            while (true) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                camera.delay();
                session.handle(request);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            session.stop();
            connections.remove(connection);
        }
    }

    /** Closes the port and drops every connection: the camera is offline. */
    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // already closed
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // already closed
            }
        }
        connections.clear();
    }

    record Request(String method, String uri, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The next request; interleaved RTCP the client sends on the same connection is read past. */
        static Request read(InputStream in) throws IOException {
            int first = in.read();
            while (first == '$') {
                in.read();
                int length = (in.read() << 8) | in.read();
                in.readNBytes(length);
                first = in.read();
            }
            if (first < 0) {
                return null;
            }
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(first);
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    break;
                }
                if (n > 16_384) {
                    throw new IOException("request head too long");
                }
            }
            String[] lines = head.toString(StandardCharsets.UTF_8).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length < 3) {
                throw new IOException("bad request line");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
            }
            String length = headers.get("content-length");
            if (length != null) {
                in.readNBytes(Integer.parseInt(length));
            }
            return new Request(requestLine[0], requestLine[1], headers);
        }
    }

    /** One client connection: its transport choice and, once playing, its place among the encoder's viewers. */
    private final class Session implements LiveEncoder.Viewer {

        private final Socket connection;
        private final String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        private final String nonce = DigestAuthority.newNonce();
        private final RtpPacketizer packetizer = new RtpPacketizer(ThreadLocalRandom.current().nextInt(), ThreadLocalRandom.current().nextInt(1 << 16));
        private int interleavedChannel = -1;
        private DatagramSocket udp;
        private InetSocketAddress udpTarget;
        private boolean started;
        private long firstTimestamp = -1;
        private volatile boolean playing;
        /** The recording this session replays, or null for the live stream. */
        private String recording;

        Session(Socket connection) {
            this.connection = connection;
        }

        void handle(Request request) throws IOException {
            String cseq = request.header("CSeq");
            switch (request.method()) {
                case "OPTIONS" -> reply(cseq, "200 OK", Map.of("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER"), null);
                case "DESCRIBE" -> describe(request, cseq);
                case "SETUP" -> setup(request, cseq);
                case "PLAY" -> {
                    if (recording != null) {
                        replay(request, cseq);
                        return;
                    }
                    reply(cseq, "200 OK", Map.of("Session", id, "Range", "npt=0.000-",
                            "RTP-Info", "url=" + request.uri() + "/trackID=1;seq=" + packetizer.nextSequence()), null);
                    playing = true;
                    camera.encoder().join(this);
                }
                case "GET_PARAMETER" -> reply(cseq, "200 OK", Map.of("Session", id), null);
                case "TEARDOWN" -> {
                    stop();
                    reply(cseq, "200 OK", Map.of("Session", id), null);
                }
                default -> reply(cseq, "405 Method Not Allowed", Map.of("Allow", "OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER"), null);
            }
        }

        private void describe(Request request, String cseq) throws IOException {
            String path = java.net.URI.create(request.uri()).getPath();
            if (path.startsWith(RECORDINGS) && camera.profileG()) {
                String token = path.substring(RECORDINGS.length()).replaceAll("/.*", "");
                if (!token.matches("REC_\\d{1,2}") || Integer.parseInt(token.substring(4)) > camera.channels()) {
                    reply(cseq, "404 Not Found", Map.of(), null);
                    return;
                }
                recording = token;
            } else if (!path.startsWith(PATH)) {
                reply(cseq, "404 Not Found", Map.of(), null);
                return;
            }
            if (!camera.authority().valid(request.header("Authorization"), "DESCRIBE", nonce)) {
                reply(cseq, "401 Unauthorized", Map.of("WWW-Authenticate", camera.authority().challenge(nonce, false)), null);
                return;
            }
            List<byte[]> sets = recording == null ? camera.parameterSets() : replaySets();
            byte[] sps = sets.stream().filter(u -> (u[0] & 0x1F) == 7).findFirst().orElseThrow();
            String sprop = String.join(",", sets.stream().map(u -> Base64.getEncoder().encodeToString(u)).toList());
            String sdp = "v=0\r\no=- " + id.hashCode() + " 1 IN IP4 127.0.0.1\r\ns=EPE Watch simulated camera\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                    + "a=control:*\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                    + "a=fmtp:96 packetization-mode=1;profile-level-id=" + HexFormat.of().formatHex(sps, 1, 4)
                    + ";sprop-parameter-sets=" + sprop + "\r\na=framerate:" + (recording == null ? camera.fps() : camera.archiveFps())
                    + "\r\na=control:trackID=1\r\n" + (recording == null ? "" : "a=range:clock=" + CLOCK.format(camera.archiveSince()) + "-\r\n");
            String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
            reply(cseq, "200 OK", Map.of("Content-Base", base, "Content-Type", "application/sdp"), sdp);
        }

        private void setup(Request request, String cseq) throws IOException {
            String transport = request.header("Transport");
            if (transport == null || recording != null && !transport.contains("RTP/AVP/TCP")) {
                // replay is over RTSP's own TCP connection (ONVIF Streaming 6.2)
                reply(cseq, "461 Unsupported Transport", Map.of(), null);
                return;
            }
            boolean tcp = transport.contains("RTP/AVP/TCP");
            if ((tcp ? "TCP" : "UDP").equals(camera.refusedTransport())) {
                reply(cseq, "461 Unsupported Transport", Map.of(), null);
                return;
            }
            if (tcp) {
                Matcher m = INTERLEAVED.matcher(transport);
                interleavedChannel = m.find() ? Integer.parseInt(m.group(1)) : 0;
                reply(cseq, "200 OK", Map.of("Session", id + ";timeout=60", "Transport",
                        "RTP/AVP/TCP;unicast;interleaved=" + interleavedChannel + "-" + (interleavedChannel + 1)), null);
                return;
            }
            Matcher m = CLIENT_PORT.matcher(transport);
            if (!m.find()) {
                reply(cseq, "461 Unsupported Transport", Map.of(), null);
                return;
            }
            int clientPort = Integer.parseInt(m.group(1));
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            udpTarget = new InetSocketAddress(connection.getInetAddress(), clientPort);
            int serverPort = udp.getLocalPort();
            reply(cseq, "200 OK", Map.of("Session", id + ";timeout=60", "Transport", "RTP/AVP;unicast;client_port=" + clientPort
                    + "-" + (clientPort + 1) + ";server_port=" + serverPort + "-" + (serverPort + 1)), null);
        }

        private int channel() {
            return Integer.parseInt(recording.substring(4));
        }

        private List<byte[]> replaySets() {
            int n = channel();
            return LiveEncoder.parameterSets(camera.spec().width() / n, camera.spec().height() / n, camera.archiveFps(),
                    camera.recorded(camera.archiveSince(), n));
        }

        /** PLAY of a recording: the pictures of the asked range, recorded moment in each, then an RTCP BYE. */
        private void replay(Request request, String cseq) throws IOException {
            Matcher range = CLOCK_RANGE.matcher(String.valueOf(request.header("Range")));
            Instant now = Instant.now();
            if (!range.find()) {
                reply(cseq, "457 Invalid Range", Map.of("Session", id), null);
                return;
            }
            Instant from = CLOCK.parse(range.group(1), Instant::from);
            Instant to = range.group(2) == null ? now : CLOCK.parse(range.group(2), Instant::from);
            if (from.isBefore(camera.archiveSince()) || !to.isAfter(from) || from.isAfter(now)) {
                reply(cseq, "457 Invalid Range", Map.of("Session", id), null);
                return;
            }
            Instant end = to.isAfter(now) ? now : to;
            boolean paced = !"no".equalsIgnoreCase(String.valueOf(request.header("Rate-Control")));
            reply(cseq, "200 OK", Map.of("Session", id, "Range", "clock=" + CLOCK.format(from) + "-" + CLOCK.format(end),
                    "RTP-Info", "url=" + request.uri() + "/trackID=1;seq=" + packetizer.nextSequence()), null);
            playing = true;
            Thread.ofVirtual().name("simulated-replay").start(() -> sendRecording(from, end, paced));
        }

        private void sendRecording(Instant from, Instant to, boolean paced) {
            int n = channel();
            int fps = camera.archiveFps();
            long step = 1_000_000_000L / fps;
            long started = System.nanoTime();
            try (H264Encoder encoder = new H264Encoder(camera.spec().width() / n, camera.spec().height() / n, fps)) {
                long frame = 0;
                for (Instant at = from; at.isBefore(to) && playing; at = from.plusNanos(++frame * step)) {
                    List<byte[]> units = encoder.encode(camera.recorded(at, n));
                    for (byte[] packet : packetizer.packets(units, frame * 90_000L / fps, at)) {
                        send(packet);
                    }
                    if (paced) {
                        long wait = started + frame * step - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(java.time.Duration.ofNanos(wait));
                        }
                    }
                }
                if (playing) {
                    sendBye();
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                playing = false;
            }
        }

        /** RTCP BYE on the control channel: the range is over (ONVIF Streaming 6.5). */
        private void sendBye() throws IOException {
            java.nio.ByteBuffer bye = java.nio.ByteBuffer.allocate(8);
            bye.put((byte) 0x81).put((byte) 203).putShort((short) 1).putInt(0x45505721);
            OutputStream out = connection.getOutputStream();
            synchronized (connection) {
                out.write(new byte[] {'$', (byte) (interleavedChannel + 1), 0, 8});
                out.write(bye.array());
                out.flush();
            }
        }

        @Override
        public boolean accept(LiveEncoder.Picture picture) {
            if (!playing) {
                return false;
            }
            if (!started && !picture.key()) {
                return true;
            }
            if (!started) {
                started = true;
                firstTimestamp = picture.timestamp90k();
            }
            try {
                for (byte[] packet : packetizer.packets(picture.nalUnits(), picture.timestamp90k() - firstTimestamp)) {
                    send(packet);
                }
                return true;
            } catch (IOException e) {
                playing = false;
                return false;
            }
        }

        private void send(byte[] packet) throws IOException {
            if (interleavedChannel >= 0) {
                OutputStream out = connection.getOutputStream();
                synchronized (connection) {
                    out.write(new byte[] {'$', (byte) interleavedChannel, (byte) (packet.length >> 8), (byte) packet.length});
                    out.write(packet);
                    out.flush();
                }
            } else if (udp != null) {
                udp.send(new DatagramPacket(packet, packet.length, udpTarget));
            }
        }

        private void reply(String cseq, String status, Map<String, String> headers, String body) throws IOException {
            StringBuilder response = new StringBuilder("RTSP/1.0 ").append(status).append("\r\nCSeq: ").append(cseq == null ? "0" : cseq)
                    .append("\r\nServer: EPE Watch simulated camera\r\n");
            headers.forEach((name, value) -> response.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                response.append("Content-Length: ").append(content.length).append("\r\n");
            }
            response.append("\r\n");
            OutputStream out = connection.getOutputStream();
            synchronized (connection) {
                out.write(response.toString().getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
            }
        }

        void stop() {
            playing = false;
            camera.encoder().leave(this);
            if (udp != null) {
                udp.close();
            }
        }
    }
}
