package io.epewatch.camera.archive;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.snapshot.DigestChallenge;

/**
 * Replays a span of a recording over RTSP as ONVIF Profile G asks (Streaming Specification 6): RTP over the RTSP
 * connection, {@code Require: onvif-replay}, {@code Range: clock=FROM-TO}, {@code Rate-Control: no} so the recorder
 * sends as fast as it can. The H.264 of the span is written as an Annex B stream; the recorded moment of the first and
 * last pictures comes from the 0xABAC RTP header extension, so the clip says when it was filmed by the device's
 * own account. FFmpeg's RTSP client cannot send those headers, hence this small client.
 */
final class RtspReplay {

    /** What was pulled: the H.264 stream, its frame rate, its pictures and the moments the first and last were recorded. */
    record Pulled(Path h264, int fps, int pictures, Instant first, Instant last, long bytes) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SPROP = Pattern.compile("sprop-parameter-sets=([A-Za-z0-9+/=,]+)");
    private static final Pattern FRAMERATE = Pattern.compile("a=framerate:([0-9.]+)");
    private static final Pattern CONTROL = Pattern.compile("a=control:(\\S+)");
    private static final byte[] START = {0, 0, 0, 1};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final Duration timeout;
    private final long maxBytes;

    RtspReplay(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    Pulled pull(URI replay, String username, String password, Instant from, Instant to, Path into) throws CameraFailure {
        int port = replay.getPort() > 0 ? replay.getPort() : 554;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(replay.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            Connection rtsp = new Connection(socket, replay.toString(), username, password);
            Response described = rtsp.request("DESCRIBE", replay.toString(), Map.of("Accept", "application/sdp"));
            String sdp = described.body();
            int fps = framerate(sdp);
            String track = trackUrl(described, sdp, replay.toString());
            Response setup = rtsp.request("SETUP", track, Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"));
            String session = setup.header("Session");
            if (session == null) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder's SETUP answer has no session");
            }
            session = session.split(";")[0].strip();
            try (OutputStream out = Files.newOutputStream(into)) {
                writeParameterSets(sdp, out);
                rtsp.request("PLAY", replay.toString(), Map.of("Session", session, "Range", "clock=" + CLOCK.format(from) + "-" + CLOCK.format(to),
                        "Rate-Control", "no"));
                Pulled pulled = receive(rtsp.in, out, into, fps, to);
                try {
                    rtsp.send("TEARDOWN", replay.toString(), Map.of("Session", session));
                } catch (IOException e) {
                    // the recorder may close first once the range is sent
                }
                return pulled;
            }
        } catch (SocketTimeoutException e) {
            throw new CameraFailure(CameraFailure.Kind.TIMEOUT, "the recorder sent nothing for " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new CameraFailure(CameraFailure.Kind.UNREACHABLE, "the recorder's replay could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** RTP until the recorder says BYE, the connection ends, or a picture past {@code to} comes. */
    private Pulled receive(DataInputStream in, OutputStream out, Path into, int fps, Instant to) throws IOException, CameraFailure {
        Depacketizer h264 = new Depacketizer(out);
        Instant first = null;
        Instant last = null;
        int pictures = 0;
        while (true) {
            int marker;
            try {
                marker = in.read();
            } catch (SocketTimeoutException e) {
                if (pictures > 0) {
                    break; // the recorder stopped sending without a BYE
                }
                throw e;
            }
            if (marker < 0) {
                break;
            }
            if (marker != '$') {
                skipResponse(in, marker);
                continue;
            }
            int channel = in.readUnsignedByte();
            byte[] packet = new byte[in.readUnsignedShort()];
            in.readFully(packet);
            if (channel == 1) {
                if (isBye(packet)) {
                    break;
                }
                continue;
            }
            Rtp rtp = Rtp.parse(packet);
            if (rtp == null) {
                continue;
            }
            if (rtp.recordedAt() != null) {
                if (!rtp.recordedAt().isBefore(to)) {
                    break;
                }
                first = first == null ? rtp.recordedAt() : first;
                last = rtp.recordedAt();
            }
            h264.take(packet, rtp.payloadOffset());
            if (rtp.marker()) {
                pictures++;
            }
            if (h264.written() > maxBytes) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the span is larger than " + maxBytes / 1_000_000 + " MB; choose a shorter one");
            }
        }
        if (pictures == 0) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder sent no picture for this span");
        }
        return new Pulled(into, fps, pictures, first, last, h264.written());
    }

    private static boolean isBye(byte[] rtcp) {
        for (int offset = 0; offset + 4 <= rtcp.length; ) {
            if ((rtcp[offset + 1] & 0xFF) == 203) {
                return true;
            }
            offset += 4 * (((rtcp[offset + 2] & 0xFF) << 8 | (rtcp[offset + 3] & 0xFF)) + 1);
        }
        return false;
    }

    private static void skipResponse(DataInputStream in, int first) throws IOException {
        // an RTSP message between packets (an answer to a keep-alive): its header, and its body if it has one
        StringBuilder header = new StringBuilder().append((char) first);
        while (!header.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            header.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(header);
        if (length.find()) {
            in.skipNBytes(Long.parseLong(length.group(1)));
        }
    }

    private static int framerate(String sdp) {
        Matcher m = FRAMERATE.matcher(sdp);
        return m.find() ? Math.max(1, (int) Math.round(Double.parseDouble(m.group(1)))) : 25;
    }

    private static String trackUrl(Response described, String sdp, String replay) {
        String base = described.header("Content-Base") != null ? described.header("Content-Base") : replay;
        String control = null;
        int media = sdp.indexOf("m=video");
        Matcher m = CONTROL.matcher(media < 0 ? sdp : sdp.substring(media));
        if (m.find()) {
            control = m.group(1);
        }
        if (control == null || control.equals("*")) {
            return base;
        }
        if (control.startsWith("rtsp://")) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    private static void writeParameterSets(String sdp, OutputStream out) throws IOException {
        Matcher m = SPROP.matcher(sdp);
        if (m.find()) {
            for (String set : m.group(1).split(",")) {
                out.write(START);
                out.write(Base64.getDecoder().decode(set));
            }
        }
    }

    /** One RTP packet's header: where its payload begins, its marker, and the ONVIF replay time if it carries one. */
    private record Rtp(int payloadOffset, boolean marker, Instant recordedAt) {

        static Rtp parse(byte[] p) {
            if (p.length < 12 || (p[0] & 0xC0) != 0x80) {
                return null;
            }
            int offset = 12 + 4 * (p[0] & 0x0F);
            Instant recorded = null;
            if ((p[0] & 0x10) != 0 && p.length >= offset + 4) {
                int profile = (p[offset] & 0xFF) << 8 | (p[offset + 1] & 0xFF);
                int words = (p[offset + 2] & 0xFF) << 8 | (p[offset + 3] & 0xFF);
                if (profile == 0xABAC && words >= 2 && p.length >= offset + 12) {
                    long seconds = readInt(p, offset + 4) - NTP_EPOCH_OFFSET;
                    long fraction = readInt(p, offset + 8);
                    recorded = Instant.ofEpochSecond(seconds, (fraction * 1_000_000_000L) >>> 32);
                }
                offset += 4 + 4 * words;
            }
            return offset > p.length ? null : new Rtp(offset, (p[1] & 0x80) != 0, recorded);
        }

        private static long readInt(byte[] p, int at) {
            return ((long) (p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
        }
    }

    /** RFC 6184 payloads back into NAL units with start codes: single units, STAP-A and FU-A. */
    private static final class Depacketizer {

        private final OutputStream out;
        private long written;

        Depacketizer(OutputStream out) {
            this.out = out;
        }

        long written() {
            return written;
        }

        void take(byte[] packet, int offset) throws IOException {
            if (offset >= packet.length) {
                return;
            }
            int type = packet[offset] & 0x1F;
            if (type >= 1 && type <= 23) {
                write(START, 0, 4);
                write(packet, offset, packet.length - offset);
            } else if (type == 24) {
                for (int at = offset + 1; at + 2 <= packet.length; ) {
                    int size = (packet[at] & 0xFF) << 8 | (packet[at + 1] & 0xFF);
                    at += 2;
                    if (at + size > packet.length) {
                        return;
                    }
                    write(START, 0, 4);
                    write(packet, at, size);
                    at += size;
                }
            } else if (type == 28 && offset + 2 <= packet.length) {
                int header = packet[offset + 1] & 0xFF;
                if ((header & 0x80) != 0) {
                    write(START, 0, 4);
                    out.write((packet[offset] & 0xE0) | (header & 0x1F));
                    written++;
                }
                write(packet, offset + 2, packet.length - offset - 2);
            }
        }

        private void write(byte[] bytes, int from, int length) throws IOException {
            out.write(bytes, from, length);
            written += length;
        }
    }

    /** The RTSP side of the connection: requests with CSeq and Digest, answers with their headers and body. */
    private static final class Connection {

        private final Socket socket;
        private final DataInputStream in;
        private final String username;
        private final String password;
        private int cseq;
        private DigestChallenge challenge;

        Connection(Socket socket, String uri, String username, String password) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            this.username = username;
            this.password = password;
        }

        Response request(String method, String uri, Map<String, String> headers) throws IOException, CameraFailure {
            send(method, uri, headers);
            Response response = Response.read(in);
            if (response.status() == 401 && username != null && challenge == null
                    && String.valueOf(response.header("WWW-Authenticate")).regionMatches(true, 0, "Digest", 0, 6)) {
                challenge = DigestChallenge.parse(response.header("WWW-Authenticate"));
                send(method, uri, headers);
                response = Response.read(in);
            }
            if (response.status() == 401 || response.status() == 403) {
                throw new CameraFailure(CameraFailure.Kind.UNAUTHORIZED, "the recorder refused the account (RTSP " + response.status() + ")");
            }
            if (response.status() == 457) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder holds no footage for this span (RTSP 457 Invalid Range)");
            }
            if (response.status() != 200) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder answered " + method + " with RTSP " + response.status());
            }
            return response;
        }

        void send(String method, String uri, Map<String, String> headers) throws IOException {
            StringBuilder request = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\nCSeq: ").append(++cseq)
                    .append("\r\nUser-Agent: EPE Watch\r\nRequire: onvif-replay\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (challenge != null) {
                byte[] cnonce = new byte[8];
                RANDOM.nextBytes(cnonce);
                request.append("Authorization: ").append(challenge.answer(username, password == null ? "" : password, method, uri,
                        HexFormat.of().formatHex(cnonce))).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Response read(InputStream in) throws IOException, CameraFailure {
            String status = line(in);
            while (status.isEmpty()) {
                status = line(in);
            }
            Matcher m = Pattern.compile("^RTSP/1\\.0 (\\d{3})").matcher(status);
            if (!m.find()) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder does not speak RTSP");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            if (length > 64 * 1024) {
                throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the recorder's answer is too large");
            }
            return new Response(Integer.parseInt(m.group(1)), headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the recorder closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
                if (line.length() > 8192) {
                    throw new IOException("an RTSP line longer than 8 KB");
                }
            }
            return line.toString();
        }
    }
}
