package io.epewatch.camera.onvif;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A recording the device keeps (ONVIF Profile G, {@code RecordingInformation}): its token, the media source it records
 * (a profile's video source, or a recorder's channel) and the span of footage it holds.
 */
public record Recording(String token, String sourceId, String sourceName, Instant earliest, Instant latest) {

    /** Whether it holds footage for the whole of [from, to). */
    public boolean holds(Instant from, Instant to) {
        return earliest != null && latest != null && !from.isBefore(earliest) && !to.isAfter(latest);
    }

    static List<Recording> decodeAll(byte[] response) {
        Document body = SoapFaults.parseOrThrow(response);
        List<Recording> recordings = new ArrayList<>();
        for (Element info : SafeXml.all(body, "RecordingInformation")) {
            Element source = SafeXml.first(info, "Source");
            recordings.add(new Recording(SafeXml.required(info, "RecordingToken"),
                    source == null ? null : SafeXml.text(source, "SourceId"), source == null ? null : SafeXml.text(source, "Name"),
                    instant(SafeXml.text(info, "EarliestRecording")), instant(SafeXml.text(info, "LatestRecording"))));
        }
        return recordings;
    }

    /** What the whole device holds ({@code GetRecordingSummary}): from, until, and how many recordings. */
    public record Summary(Instant from, Instant until, int recordings) {
    }

    static Summary summary(byte[] response) {
        Element summary = SafeXml.first(SoapFaults.parseOrThrow(response), "Summary");
        if (summary == null) {
            throw new OnvifException("camera answered GetRecordingSummary without a summary");
        }
        String count = SafeXml.text(summary, "NumberRecordings");
        try {
            return new Summary(instant(SafeXml.text(summary, "DataFrom")), instant(SafeXml.text(summary, "DataUntil")),
                    count == null ? 0 : Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            throw new OnvifException("camera gave an unreadable number of recordings: " + count.strip());
        }
    }

    static String searchToken(byte[] response) {
        return SafeXml.required(SoapFaults.parseOrThrow(response).getDocumentElement(), "SearchToken");
    }

    static URI replayUri(byte[] response) {
        String uri = SafeXml.required(SoapFaults.parseOrThrow(response).getDocumentElement(), "Uri");
        try {
            return new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new OnvifException("camera gave an invalid replay URI: " + uri);
        }
    }

    /** The recording of this profile (a recorder keeps one per channel), or the only one there is. */
    static Recording of(List<Recording> recordings, MediaProfile profile) {
        for (Recording recording : recordings) {
            if (profile != null && profile.token().equals(recording.sourceId())) {
                return recording;
            }
        }
        return recordings.size() == 1 ? recordings.getFirst() : null;
    }

    private static Instant instant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new OnvifException("camera gave an unreadable recording time: " + value.strip());
        }
    }
}
