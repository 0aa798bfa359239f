package io.epewatch.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A camera's ONVIF side on 127.0.0.1: device and media services over SOAP 1.2 that check WS-UsernameToken digests
 * against their own clock (which can be set off ours), answer a fault when the account is wrong, and can be switched
 * to answer an XXE payload.
 */
public final class SimulatedOnvifCamera implements AutoCloseable {

    private static final Pattern ACTION = Pattern.compile("<(?:\\w+:)?Body[^>]*>\\s*<(?:\\w+:)?(\\w+)");
    private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope "
            + "xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
            + "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" "
            + "xmlns:ter=\"http://www.onvif.org/ver10/error\"><SOAP-ENV:Body>%s</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private final HttpServer server;
    private final String username;
    private final String password;
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile boolean xxe;

    public SimulatedOnvifCamera(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/onvif/device_service", this::answer);
        server.createContext("/onvif/media", this::answer);
        server.start();
    }

    public URI deviceService() {
        return URI.create(base() + "/onvif/device_service");
    }

    public void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    public void answerWithXxe(boolean on) {
        xxe = on;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher action = ACTION.matcher(request);
            String name = action.find() ? action.group(1) : "";
            Instant now = Instant.now().plus(clockOffset);
            if (!name.equals("GetSystemDateAndTime") && !authenticated(request, now)) {
                send(exchange, 400, String.format(ENVELOPE, "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>"
                        + "<SOAP-ENV:Subcode><SOAP-ENV:Value>ter:NotAuthorized</SOAP-ENV:Value></SOAP-ENV:Subcode></SOAP-ENV:Code>"
                        + "<SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">Sender not Authorized</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>"));
                return;
            }
            if (xxe) {
                send(exchange, 200, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>");
                return;
            }
            send(exchange, 200, String.format(ENVELOPE, body(name, now)));
        }
    }

    private String body(String action, Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        return switch (action) {
            case "GetSystemDateAndTime" -> "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time>"
                    + "<tt:Hour>" + utc.getHour() + "</tt:Hour><tt:Minute>" + utc.getMinute() + "</tt:Minute><tt:Second>" + utc.getSecond()
                    + "</tt:Second></tt:Time><tt:Date><tt:Year>" + utc.getYear() + "</tt:Year><tt:Month>" + utc.getMonthValue()
                    + "</tt:Month><tt:Day>" + utc.getDayOfMonth() + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime>"
                    + "</tds:GetSystemDateAndTimeResponse>";
            case "GetDeviceInformation" -> "<tds:GetDeviceInformationResponse><tds:Manufacturer>EPE Watch Sim</tds:Manufacturer>"
                    + "<tds:Model>GateCam 2MP</tds:Model><tds:FirmwareVersion>V5.7.3</tds:FirmwareVersion>"
                    + "<tds:SerialNumber>SIM0001</tds:SerialNumber><tds:HardwareId>SIM</tds:HardwareId></tds:GetDeviceInformationResponse>";
            case "GetCapabilities" -> "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media><tt:XAddr>" + base()
                    + "/onvif/media</tt:XAddr></tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>";
            case "GetProfiles" -> "<trt:GetProfilesResponse><trt:Profiles token=\"Profile_1\" fixed=\"true\"><tt:Name>mainStream</tt:Name>"
                    + "<tt:VideoEncoderConfiguration token=\"VE_1\"><tt:Name>VE_1</tt:Name><tt:Encoding>H264</tt:Encoding>"
                    + "<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution>"
                    + "<tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit></tt:RateControl></tt:VideoEncoderConfiguration>"
                    + "</trt:Profiles></trt:GetProfilesResponse>";
            case "GetStreamUri" -> "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>rtsp://127.0.0.1:8554/Streaming/Channels/101</tt:Uri>"
                    + "</trt:MediaUri></trt:GetStreamUriResponse>";
            case "GetSnapshotUri" -> "<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>" + base()
                    + "/snapshot.jpg?channel=1&amp;size=1080</tt:Uri></trt:MediaUri></trt:GetSnapshotUriResponse>";
            default -> "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Receiver</SOAP-ENV:Value></SOAP-ENV:Code>"
                    + "<SOAP-ENV:Reason><SOAP-ENV:Text>Action not supported</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>";
        };
    }

    /** WS-UsernameToken PasswordDigest, and a Created time within 5 minutes of this camera's clock. */
    private boolean authenticated(String request, Instant now) {
        String user = element(request, "Username");
        String digest = element(request, "Password");
        String nonce = element(request, "Nonce");
        String created = element(request, "Created");
        if (user == null || digest == null || nonce == null || created == null || !user.equals(username)) {
            return false;
        }
        if (Duration.between(Instant.parse(created), now).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest()).equals(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + "(?:\\s[^>]*)?>([^<]*)</").matcher(xml);
        return m.find() ? m.group(1).strip() : null;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
