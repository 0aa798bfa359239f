package io.epewatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The camera's ONVIF device and media services (Profile S subset), answering SOAP 1.2 the way gSOAP-based firmware
 * does. Every action but GetSystemDateAndTime needs a WS-UsernameToken whose Created time is within 5 minutes of
 * the camera's own clock — which is why clients must read that clock first.
 */
final class OnvifService {

    private static final Pattern ACTION = Pattern.compile("<(?:\\w+:)?Body[^>]*>\\s*<(?:\\w+:)?(\\w+)");
    private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope "
            + "xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
            + "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" "
            + "xmlns:ter=\"http://www.onvif.org/ver10/error\" xmlns:tse=\"http://www.onvif.org/ver10/search/wsdl\" "
            + "xmlns:trp=\"http://www.onvif.org/ver10/replay/wsdl\"><SOAP-ENV:Body>%s</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>";

    record Answer(int status, String body) {
    }

    private final SimulatedCamera camera;

    OnvifService(SimulatedCamera camera) {
        this.camera = camera;
    }

    Answer answer(String request) {
        Matcher action = ACTION.matcher(request);
        String name = action.find() ? action.group(1) : "";
        Instant now = camera.cameraClock();
        boolean digestOnly = camera.onvifAuth() == SimulatedCamera.OnvifAuth.HTTP_DIGEST; // HTTP checked it already
        if (!name.equals("GetSystemDateAndTime") && !digestOnly && !authenticated(request, now)) {
            return new Answer(400, String.format(ENVELOPE, "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>"
                    + "<SOAP-ENV:Subcode><SOAP-ENV:Value>ter:NotAuthorized</SOAP-ENV:Value></SOAP-ENV:Subcode></SOAP-ENV:Code>"
                    + "<SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">Sender not Authorized</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>"));
        }
        if (camera.xxe()) {
            return new Answer(200, XXE);
        }
        return new Answer(200, String.format(ENVELOPE, body(name, now, request)));
    }

    private String body(String action, Instant now, String request) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        SimulatedCamera.Spec spec = camera.spec();
        return switch (action) {
            case "GetSystemDateAndTime" -> "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                    + "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                    + "<tt:TimeZone><tt:TZ>ICT-7</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time>"
                    + "<tt:Hour>" + utc.getHour() + "</tt:Hour><tt:Minute>" + utc.getMinute() + "</tt:Minute><tt:Second>" + utc.getSecond()
                    + "</tt:Second></tt:Time><tt:Date><tt:Year>" + utc.getYear() + "</tt:Year><tt:Month>" + utc.getMonthValue()
                    + "</tt:Month><tt:Day>" + utc.getDayOfMonth() + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime>"
                    + "</tds:GetSystemDateAndTimeResponse>";
            case "GetDeviceInformation" -> "<tds:GetDeviceInformationResponse><tds:Manufacturer>EPE Watch Sim</tds:Manufacturer>"
                    + "<tds:Model>" + spec.model() + "</tds:Model><tds:FirmwareVersion>" + spec.firmware() + "</tds:FirmwareVersion>"
                    + "<tds:SerialNumber>SIM-" + spec.name() + "</tds:SerialNumber><tds:HardwareId>SIM</tds:HardwareId></tds:GetDeviceInformationResponse>";
            case "GetCapabilities" -> "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>" + camera.onvifUrl()
                    + "</tt:XAddr></tt:Device><tt:Media><tt:XAddr>" + (camera.reportedMedia() != null ? camera.reportedMedia() : camera.mediaUrl())
                    + "</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>"
                    + "<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>";
            case "GetServices" -> "<tds:GetServicesResponse>" + service("http://www.onvif.org/ver10/device/wsdl", camera.onvifUrl())
                    + service("http://www.onvif.org/ver10/media/wsdl", camera.mediaUrl())
                    + (camera.profileG() ? service("http://www.onvif.org/ver10/search/wsdl", camera.searchUrl())
                            + service("http://www.onvif.org/ver10/replay/wsdl", camera.replayServiceUrl()) : "")
                    + "</tds:GetServicesResponse>";
            case "GetProfiles" -> "<trt:GetProfilesResponse>" + profiles(spec) + "</trt:GetProfilesResponse>";
            case "GetStreamUri" -> "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>" + camera.rtspUrl()
                    + "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
                    + "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>";
            case "GetSnapshotUri" -> "<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>"
                    + camera.snapshotUrl(channelOf(element(request, "ProfileToken"))).toString().replace("&", "&amp;")
                    + "</tt:Uri></trt:MediaUri></trt:GetSnapshotUriResponse>";
            case "FindRecordings" -> camera.profileG() ? "<tse:FindRecordingsResponse><tse:SearchToken>SEARCH-1</tse:SearchToken>"
                    + "</tse:FindRecordingsResponse>" : notSupported();
            case "GetRecordingSearchResults" -> camera.profileG() ? "<tse:GetRecordingSearchResultsResponse><tse:ResultList>"
                    + "<tt:SearchState>Completed</tt:SearchState>" + recordings(spec, now) + "</tse:ResultList></tse:GetRecordingSearchResultsResponse>"
                    : notSupported();
            case "EndSearch" -> "<tse:EndSearchResponse><tse:Endpoint>" + xsd(now) + "</tse:Endpoint></tse:EndSearchResponse>";
            case "GetRecordingSummary" -> camera.profileG() ? "<tse:GetRecordingSummaryResponse><tse:Summary><tt:DataFrom>"
                    + xsd(camera.archiveSince()) + "</tt:DataFrom><tt:DataUntil>" + xsd(now) + "</tt:DataUntil><tt:NumberRecordings>"
                    + camera.channels() + "</tt:NumberRecordings></tse:Summary></tse:GetRecordingSummaryResponse>" : notSupported();
            case "GetRecordingInformation" -> camera.profileG() ? "<tse:GetRecordingInformationResponse>"
                    + recording(spec, channelOf(java.util.Objects.requireNonNullElse(element(request, "RecordingToken"), "REC_1").replace("REC_", "Profile_")), now, "tse:RecordingInformation")
                    + "</tse:GetRecordingInformationResponse>" : notSupported();
            case "GetReplayUri" -> camera.profileG() ? "<trp:GetReplayUriResponse><trp:Uri>"
                    + camera.replayUrl(element(request, "RecordingToken")) + "</trp:Uri></trp:GetReplayUriResponse>" : notSupported();
            default -> "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Receiver</SOAP-ENV:Value></SOAP-ENV:Code>"
                    + "<SOAP-ENV:Reason><SOAP-ENV:Text>Action not supported</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>";
        };
    }

    private static String service(String namespace, java.net.URI address) {
        return "<tds:Service><tds:Namespace>" + namespace + "</tds:Namespace><tds:XAddr>" + address + "</tds:XAddr>"
                + "<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>";
    }

    private static String notSupported() {
        return "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Receiver</SOAP-ENV:Value><SOAP-ENV:Subcode>"
                + "<SOAP-ENV:Value>ter:ActionNotSupported</SOAP-ENV:Value></SOAP-ENV:Subcode></SOAP-ENV:Code>"
                + "<SOAP-ENV:Reason><SOAP-ENV:Text>Action not supported</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>";
    }

    /** One recording per channel: REC_n, from its source Profile_n, since the archive began and until now. */
    private String recordings(SimulatedCamera.Spec spec, Instant now) {
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= camera.channels(); n++) {
            all.append(recording(spec, n, now, "tt:RecordingInformation"));
        }
        return all.toString();
    }

    private String recording(SimulatedCamera.Spec spec, int channel, Instant now, String element) {
        String from = xsd(camera.archiveSince());
        return "<" + element + "><tt:RecordingToken>REC_" + channel + "</tt:RecordingToken><tt:Source><tt:SourceId>Profile_" + channel
                + "</tt:SourceId><tt:Name>" + spec.name() + (channel == 1 ? "" : "-" + channel) + "</tt:Name><tt:Location>EPE</tt:Location>"
                + "<tt:Description>channel " + channel + "</tt:Description><tt:Address>" + camera.onvifUrl() + "</tt:Address></tt:Source>"
                + "<tt:EarliestRecording>" + from + "</tt:EarliestRecording><tt:LatestRecording>" + xsd(now) + "</tt:LatestRecording>"
                + "<tt:Content>continuous</tt:Content><tt:Track><tt:TrackToken>VIDEO001</tt:TrackToken><tt:TrackType>Video</tt:TrackType>"
                + "<tt:Description>H264</tt:Description><tt:DataFrom>" + from + "</tt:DataFrom><tt:DataTo>" + xsd(now) + "</tt:DataTo></tt:Track>"
                + "<tt:RecordingStatus>Recording</tt:RecordingStatus></" + element + ">";
    }

    private static String xsd(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** One profile per channel; channel n at 1/n of the size, as {@link SimulatedCamera} paints it. */
    private String profiles(SimulatedCamera.Spec spec) {
        StringBuilder profiles = new StringBuilder();
        for (int n = 1; n <= camera.channels(); n++) {
            profiles.append("<trt:Profiles token=\"Profile_").append(n).append("\" fixed=\"true\"><tt:Name>")
                    .append(n == 1 ? "mainStream" : "channel" + n).append("</tt:Name>")
                    .append("<tt:VideoEncoderConfiguration token=\"VE_").append(n).append("\"><tt:Name>VE_").append(n)
                    .append("</tt:Name><tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>").append(spec.width() / n)
                    .append("</tt:Width><tt:Height>").append(spec.height() / n).append("</tt:Height></tt:Resolution>")
                    .append("<tt:RateControl><tt:FrameRateLimit>").append(spec.fps()).append("</tt:FrameRateLimit><tt:BitrateLimit>4096")
                    .append("</tt:BitrateLimit></tt:RateControl></tt:VideoEncoderConfiguration></trt:Profiles>");
        }
        return profiles.toString();
    }

    private static int channelOf(String token) {
        if (token != null && token.matches("Profile_\\d{1,2}")) {
            return Integer.parseInt(token.substring("Profile_".length()));
        }
        return 1;
    }

    private boolean authenticated(String request, Instant now) {
        String created = element(request, "Created");
        try {
            if (created != null && Duration.between(Instant.parse(created), now).abs().compareTo(Duration.ofMinutes(5)) > 0) {
                return false;
            }
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        return camera.authority().validUsernameToken(element(request, "Username"), element(request, "Password"),
                element(request, "Nonce"), created);
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + "(?:\\s[^>]*)?>([^<]*)</").matcher(xml);
        return m.find() ? m.group(1).strip() : null;
    }
}
