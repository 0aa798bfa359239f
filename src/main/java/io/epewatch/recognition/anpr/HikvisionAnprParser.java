package io.epewatch.recognition.anpr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.Sha256;
import io.epewatch.kernel.UntrustedXml;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.ObservedText;
import io.epewatch.recognition.Reading;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Hikvision ISAPI ANPR alarm ({@code EventNotificationAlert} with {@code eventType} ANPR), as the camera's "HTTP
 * listening" pushes it: the XML alone, or multipart with the XML and the plate and scene pictures. The camera is
 * named by the URL it posts to; the plate comes from {@code ANPR/licensePlate} with {@code confidenceLevel}
 * (0–100), the direction from {@code ANPR/direction} (forward = towards the camera, taken as IN, unless the camera is
 * configured for one direction). Other event types (heartbeats, video loss) are not passages: {@link #parse} gives
 * nothing for them.
 */
public final class HikvisionAnprParser {

    /** Hikvision firmware often sends local time without an offset; gates in Viet Nam run on UTC+7. */
    private static final ZoneOffset CAMERA_ZONE = ZoneOffset.ofHours(7);

    public Optional<GateObservation> parse(String taxCode, String cameraNumber, byte[] xml, Map<String, byte[]> pictures) {
        Document document;
        try {
            document = UntrustedXml.parseStrict(xml);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "is not a readable ISAPI event: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (root == null || !localName(root).equals("EventNotificationAlert")) {
            throw new InvalidInputException("body", "is not an ISAPI EventNotificationAlert");
        }
        String type = UntrustedXml.text(root, "eventType");
        if (type == null || !type.equalsIgnoreCase("ANPR")) {
            return Optional.empty();
        }
        InputCheck check = new InputCheck();
        Element anpr = UntrustedXml.first(root, "ANPR");
        if (anpr == null) {
            throw new InvalidInputException("ANPR", "is missing from an ANPR event");
        }
        Instant at = check.parse("dateTime", UntrustedXml.text(root, "dateTime"), HikvisionAnprParser::instant);
        String plateText = UntrustedXml.text(anpr, "licensePlate");
        ObservedText plate = null;
        String note = null;
        if (plateText == null || plateText.isBlank() || plateText.equalsIgnoreCase("unknown")) {
            // the camera saw a vehicle and could not read it: an unread passage (issue 21)
            note = "the camera read no plate (" + (plateText == null ? "licensePlate missing" : plateText.strip()) + ")";
        } else {
            double confidence = confidence(check, UntrustedXml.text(anpr, "confidenceLevel"));
            byte[] crop = picture(check, pictures, "licensePlatePicture");
            plate = new ObservedText(Reading.Kind.PLATE, plateText.strip(), confidence, 1, crop, null);
        }
        byte[] scene = picture(check, pictures, "detectionPicture");
        check.throwIfAny();
        String direction = switch (Optional.ofNullable(UntrustedXml.text(anpr, "direction")).orElse("").toLowerCase(Locale.ROOT)) {
            case "forward" -> "IN";
            case "reverse" -> "OUT";
            default -> null;
        };
        String uuid = UntrustedXml.text(root, "UUID");
        // a device's UUIDs are its own: the key is scoped to the camera that posted
        String key = taxCode + "/" + cameraNumber + "/" + (uuid != null && !uuid.isBlank() ? uuid.strip()
                : Sha256.hex((UntrustedXml.text(root, "channelID") + "|" + UntrustedXml.text(root, "dateTime") + "|" + plateText)
                .getBytes(StandardCharsets.UTF_8)));
        return Optional.of(new GateObservation(taxCode, cameraNumber, at, direction, plate, List.of(), scene,
                "edge:hikvision", key, note));
    }

    private static double confidence(InputCheck check, String raw) {
        if (raw == null || raw.isBlank()) {
            return 1.0;
        }
        try {
            double level = Double.parseDouble(raw.strip());
            if (level < 0 || level > 100) {
                check.reject("ANPR.confidenceLevel", "must be between 0 and 100");
                return 0;
            }
            return level / 100;
        } catch (NumberFormatException e) {
            check.reject("ANPR.confidenceLevel", "must be a number between 0 and 100");
            return 0;
        }
    }

    private static byte[] picture(InputCheck check, Map<String, byte[]> pictures, String name) {
        for (Map.Entry<String, byte[]> part : pictures.entrySet()) {
            if (part.getKey().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                return EdgePictures.jpeg(check, part.getKey(), part.getValue());
            }
        }
        return null;
    }

    private static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(raw.strip()).toInstant(CAMERA_ZONE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be an ISO-8601 time, like 2026-11-24T10:15:30+07:00");
            }
        }
    }

    private static String localName(Element element) {
        String name = element.getNodeName();
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }
}
