package io.epewatch.camera.onvif;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * ONVIF Profile S over SOAP 1.2: the calls registration and the health monitor need. The camera's clock is read first
 * (unauthenticated, as the standard allows) so that the WS-UsernameToken is created in the camera's time; every call
 * has a total timeout.
 */
public class OnvifClient {

    private static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    private static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public OnvifClient(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads everything registration needs from the device service address (e.g. http://camera/onvif/device_service). */
    public OnvifDevice discover(URI deviceService, String username, String password) {
        Instant cameraTime = CameraClock.decode(call(deviceService, null, "<tds:GetSystemDateAndTime xmlns:tds=\"" + DEVICE + "\"/>"));
        Duration skew = Duration.between(clock.instant(), cameraTime);
        Credentials credentials = new Credentials(username, password, skew);
        DeviceInformation information = DeviceInformation.decode(
                call(deviceService, credentials, "<tds:GetDeviceInformation xmlns:tds=\"" + DEVICE + "\"/>"));
        URI media = MediaServiceAddress.decode(call(deviceService, credentials,
                "<tds:GetCapabilities xmlns:tds=\"" + DEVICE + "\"><tds:Category>Media</tds:Category></tds:GetCapabilities>"));
        List<MediaProfile> profiles = MediaProfile.decodeAll(call(media, credentials, "<trt:GetProfiles xmlns:trt=\"" + MEDIA + "\"/>"));
        String token = escape(profiles.getFirst().token());
        URI stream = MediaUris.decode(call(media, credentials, "<trt:GetStreamUri xmlns:trt=\"" + MEDIA + "\" xmlns:tt=\"http://www.onvif.org/ver10/schema\">"
                + "<trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
                + "<trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetStreamUri>"));
        URI snapshot = MediaUris.decode(call(media, credentials, "<trt:GetSnapshotUri xmlns:trt=\"" + MEDIA + "\">"
                + "<trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetSnapshotUri>"));
        return new OnvifDevice(information, profiles, stream, snapshot, skew);
    }

    /** The camera's clock minus ours, from {@code GetSystemDateAndTime} (one unauthenticated call: the health probe). */
    public Duration clockSkew(URI deviceService) {
        Instant asked = clock.instant();
        Instant cameraTime = CameraClock.decode(call(deviceService, null, "<tds:GetSystemDateAndTime xmlns:tds=\"" + DEVICE + "\"/>"));
        Instant answered = clock.instant();
        // the camera read its clock somewhere between our two readings; its answer has whole seconds only
        return Duration.between(asked.plus(Duration.between(asked, answered).dividedBy(2)), cameraTime);
    }

    private record Credentials(String username, String password, Duration skew) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    private byte[] call(URI service, Credentials credentials, String body) {
        String header = "";
        if (credentials != null && credentials.username() != null) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            header = UsernameToken.of(credentials.username(), credentials.password(), nonce,
                    clock.instant().plus(credentials.skew())).header();
        }
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + "<s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(service).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 && response.statusCode() != 400 && response.statusCode() != 500) {
                throw new OnvifException("camera answered HTTP " + response.statusCode() + " at " + service.getPath());
            }
            // SOAP faults come with 400/500; SoapFaults turns them into a named error when decoded
            return response.body();
        } catch (java.net.http.HttpTimeoutException e) {
            throw new OnvifException(OnvifException.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms at " + service.getPath());
        } catch (IOException e) {
            throw new OnvifException(OnvifException.Kind.NO_ANSWER, "camera did not answer at " + service.getHost() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifException(OnvifException.Kind.TIMEOUT, "interrupted");
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
