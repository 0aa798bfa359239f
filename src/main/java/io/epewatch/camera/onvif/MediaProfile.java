package io.epewatch.camera.onvif;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A media profile from {@code GetProfiles}: its token (for GetStreamUri) and the encoder settings that R1.8 checks. */
public record MediaProfile(String token, String name, String encoding, Integer width, Integer height, Integer frameRateLimit) {

    static List<MediaProfile> decodeAll(byte[] response) {
        Document body = SoapFaults.parseOrThrow(response);
        List<MediaProfile> decoded = new ArrayList<>();
        for (Element profile : SafeXml.all(body, "Profiles")) {
            Element encoder = SafeXml.first(profile, "VideoEncoderConfiguration");
            Element resolution = encoder == null ? null : SafeXml.first(encoder, "Resolution");
            decoded.add(new MediaProfile(profile.getAttribute("token"), SafeXml.text(profile, "Name"),
                    encoder == null ? null : SafeXml.text(encoder, "Encoding"),
                    resolution == null ? null : integer(SafeXml.text(resolution, "Width")),
                    resolution == null ? null : integer(SafeXml.text(resolution, "Height")),
                    encoder == null ? null : integer(SafeXml.text(encoder, "FrameRateLimit"))));
        }
        if (decoded.isEmpty()) {
            throw new OnvifException("camera reports no media profile");
        }
        return decoded;
    }

    /**
     * The profile a camera names: by token, else by channel number from 1 (a recorder's channels are its profiles, in
     * order); the first when none is named (issue 20).
     */
    static MediaProfile choose(List<MediaProfile> profiles, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return profiles.getFirst();
        }
        String name = wanted.strip();
        for (MediaProfile profile : profiles) {
            if (name.equals(profile.token())) {
                return profile;
            }
        }
        if (name.matches("\\d{1,3}")) {
            int channel = Integer.parseInt(name);
            if (channel >= 1 && channel <= profiles.size()) {
                return profiles.get(channel - 1);
            }
        }
        throw new OnvifException("the device has no profile or channel '" + name + "'; it has "
                + String.join(", ", profiles.stream().map(MediaProfile::token).toList()));
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
