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
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.epewatch.camera.snapshot.DigestChallenge;

/**
 * ONVIF Profile S over SOAP 1.2: the calls registration and the health monitor need. The camera's clock is read first
 * (unauthenticated, as the standard allows) so that the WS-UsernameToken is created in the camera's time; every call
 * has a total timeout. Every address the device hands back (its media service, stream and snapshot URIs) passes the
 * same guard as the address customs registered: a device must not be able to point the server at another host
 * (issue 20). Devices that want HTTP Digest on their SOAP calls as well as, or instead of, the WS-UsernameToken get it.
 */
public class OnvifClient {

    private static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    private static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Function<URI, String> refusal;

    /**
     * @param refusal why an address may not be contacted (the SSRF guard), or null when it may
     */
    public OnvifClient(Duration timeout, Clock clock, Function<URI, String> refusal) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
        this.refusal = refusal;
    }

    /** Reads everything registration needs from the device service address, for the first profile. */
    public OnvifDevice discover(URI deviceService, String username, String password) {
        return discover(deviceService, username, password, null);
    }

    /**
     * Reads everything registration needs from the device service address (e.g. http://camera/onvif/device_service);
     * {@code profile} names which of the device's profiles this camera is — a token, or a recorder's channel number
     * from 1 — and null means the first.
     */
    public OnvifDevice discover(URI deviceService, String username, String password, String profile) {
        Instant cameraTime = CameraClock.decode(call(deviceService, null, "<tds:GetSystemDateAndTime xmlns:tds=\"" + DEVICE + "\"/>"));
        Duration skew = Duration.between(clock.instant(), cameraTime);
        Credentials credentials = new Credentials(username, password, skew);
        DeviceInformation information = DeviceInformation.decode(
                call(deviceService, credentials, "<tds:GetDeviceInformation xmlns:tds=\"" + DEVICE + "\"/>"));
        URI media = guarded("media service", MediaServiceAddress.decode(call(deviceService, credentials,
                "<tds:GetCapabilities xmlns:tds=\"" + DEVICE + "\"><tds:Category>Media</tds:Category></tds:GetCapabilities>")));
        List<MediaProfile> profiles = MediaProfile.decodeAll(call(media, credentials, "<trt:GetProfiles xmlns:trt=\"" + MEDIA + "\"/>"));
        MediaProfile chosen = MediaProfile.choose(profiles, profile);
        String token = escape(chosen.token());
        URI stream = guarded("stream", MediaUris.decode(call(media, credentials, "<trt:GetStreamUri xmlns:trt=\"" + MEDIA + "\" xmlns:tt=\"http://www.onvif.org/ver10/schema\">"
                + "<trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
                + "<trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetStreamUri>")));
        URI snapshot = guarded("snapshot", MediaUris.decode(call(media, credentials, "<trt:GetSnapshotUri xmlns:trt=\"" + MEDIA + "\">"
                + "<trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetSnapshotUri>")));
        return new OnvifDevice(information, profiles, chosen, stream, snapshot, skew);
    }

    /**
     * The device's archive (Profile G): its recording of this camera's profile and the RTSP address to replay it;
     * empty when the device offers no recording search or replay service. The replay address passes the guard.
     */
    public java.util.Optional<Archive> archive(URI deviceService, String username, String password, String profile) {
        OnvifDevice device = discover(deviceService, username, password, profile);
        Credentials credentials = new Credentials(username, password, device.clockSkew());
        java.util.Map<String, URI> services = DeviceServices.decode(call(deviceService, credentials,
                "<tds:GetServices xmlns:tds=\"" + DEVICE + "\"><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>"));
        if (!services.containsKey(DeviceServices.SEARCH) || !services.containsKey(DeviceServices.REPLAY)) {
            return java.util.Optional.empty();
        }
        URI search = guarded("recording search", services.get(DeviceServices.SEARCH));
        URI replay = guarded("replay", services.get(DeviceServices.REPLAY));
        Recording.Summary summary = Recording.summary(call(search, credentials,
                "<tse:GetRecordingSummary xmlns:tse=\"" + DeviceServices.SEARCH + "\"/>"));
        String token = Recording.searchToken(call(search, credentials, "<tse:FindRecordings xmlns:tse=\"" + DeviceServices.SEARCH
                + "\"><tse:Scope/><tse:MaxMatches>64</tse:MaxMatches><tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>"));
        List<Recording> recordings = Recording.decodeAll(call(search, credentials, "<tse:GetRecordingSearchResults xmlns:tse=\""
                + DeviceServices.SEARCH + "\"><tse:SearchToken>" + escape(token) + "</tse:SearchToken><tse:MinResults>1</tse:MinResults>"
                + "<tse:MaxResults>64</tse:MaxResults><tse:WaitTime>PT5S</tse:WaitTime></tse:GetRecordingSearchResults>"));
        Recording mine = Recording.of(recordings, device.profile());
        URI replayUri = mine == null ? null : guarded("replay stream", Recording.replayUri(call(replay, credentials,
                "<trp:GetReplayUri xmlns:trp=\"" + DeviceServices.REPLAY + "\" xmlns:tt=\"http://www.onvif.org/ver10/schema\">"
                        + "<trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                        + "</trp:StreamSetup><trp:RecordingToken>" + escape(mine.token()) + "</trp:RecordingToken></trp:GetReplayUri>")));
        return java.util.Optional.of(new Archive(summary, recordings, mine, replayUri));
    }

    /**
     * What a device's archive holds for one camera.
     *
     * @param summary   what the whole device holds (GetRecordingSummary)
     * @param recording the recording of the camera's profile; null when the device records other channels only
     * @param replayUri the RTSP address that replays it
     */
    public record Archive(Recording.Summary summary, List<Recording> recordings, Recording recording, URI replayUri) {
    }

    /** The camera's clock minus ours, from {@code GetSystemDateAndTime} (one unauthenticated call: the health probe). */
    public Duration clockSkew(URI deviceService) {
        Instant asked = clock.instant();
        Instant cameraTime = CameraClock.decode(call(deviceService, null, "<tds:GetSystemDateAndTime xmlns:tds=\"" + DEVICE + "\"/>"));
        Instant answered = clock.instant();
        // the camera read its clock somewhere between our two readings; its answer has whole seconds only
        return Duration.between(asked.plus(Duration.between(asked, answered).dividedBy(2)), cameraTime);
    }

    /** An address the device handed back, if the guard lets it be contacted. */
    private URI guarded(String what, URI address) {
        if (address.getHost() == null) {
            throw new OnvifException("camera gave a " + what + " address without a host: " + address.getScheme() + "://?");
        }
        String refused = refusal.apply(address);
        if (refused != null) {
            throw new OnvifException(OnvifException.Kind.FORBIDDEN_ADDRESS, "the camera's " + what + " address " + address.getHost()
                    + ":" + address.getPort() + " is refused: " + refused);
        }
        return address;
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
        try {
            HttpResponse<byte[]> response = post(service, envelope, null);
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            if (response.statusCode() == 401 && credentials != null && credentials.username() != null
                    && challenge.regionMatches(true, 0, "Digest", 0, 6)) {
                response = post(service, envelope, digest(challenge, service, credentials));
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new OnvifException(OnvifException.Kind.NOT_AUTHORIZED, "camera refused the account: HTTP " + response.statusCode()
                        + " at " + service.getPath());
            }
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

    private HttpResponse<byte[]> post(URI service, String envelope, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String digest(String challenge, URI service, Credentials credentials) {
        byte[] cnonce = new byte[8];
        RANDOM.nextBytes(cnonce);
        String path = service.getRawPath() + (service.getRawQuery() == null ? "" : "?" + service.getRawQuery());
        try {
            return DigestChallenge.parse(challenge).answer(credentials.username(), credentials.password() == null ? "" : credentials.password(),
                    "POST", path, HexFormat.of().formatHex(cnonce));
        } catch (IllegalArgumentException e) {
            throw new OnvifException(OnvifException.Kind.NOT_AUTHORIZED, "the camera's digest challenge is unreadable");
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
