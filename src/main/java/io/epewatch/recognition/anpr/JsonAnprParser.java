package io.epewatch.recognition.anpr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.kernel.InputCheck;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.ObservedText;
import io.epewatch.recognition.Reading;

/** The generic JSON edge event to a gate observation; every problem is named by its field. */
public final class JsonAnprParser {

    private static final int MAX_CONTAINERS = 4;
    /** What a camera sends as the plate of a vehicle it could not read. */
    private static final String UNREAD = "unknown";

    public GateObservation parse(JsonAnprEvent event) {
        InputCheck check = new InputCheck();
        check.requireText("eventId", event.eventId(), 128);
        check.require("enterpriseTaxCode", event.enterpriseTaxCode());
        check.require("cameraNumber", event.cameraNumber());
        Instant at = check.parse("capturedAt", event.capturedAt(), raw -> instant(raw));
        ObservedText plate = event.plate() == null ? null : text(check, "plate", Reading.Kind.PLATE, event.plate());
        String note = null;
        if (plate != null && plate.text().equalsIgnoreCase(UNREAD)) {
            // the camera saw a vehicle and could not read its plate: an unread passage (issue 21)
            plate = null;
            note = "the camera read no plate";
        }
        List<ObservedText> containers = new ArrayList<>();
        List<JsonAnprEvent.Text> raw = event.containers() == null ? List.of() : event.containers();
        if (raw.size() > MAX_CONTAINERS) {
            check.reject("containers", "at most " + MAX_CONTAINERS + " containers pass in one vehicle");
        } else {
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i) == null) {
                    check.reject("containers[" + i + "]", "is required");
                    continue;
                }
                ObservedText container = text(check, "containers[" + i + "]", Reading.Kind.CONTAINER, raw.get(i));
                if (container != null) {
                    containers.add(container);
                }
            }
        }
        if (event.plate() == null && raw.isEmpty()) {
            check.reject("plate", "an event needs a plate or at least one container");
        }
        byte[] frame = EdgePictures.fromBase64(check, "image", event.image());
        String direction = event.direction() == null || event.direction().isBlank() ? null : event.direction().strip().toUpperCase();
        if (direction != null && !direction.equals("IN") && !direction.equals("OUT")) {
            check.reject("direction", "must be IN or OUT, or left out to take the camera's");
        }
        check.throwIfAny();
        // senders number their own events: the key is scoped to the enterprise and camera
        String key = event.enterpriseTaxCode().strip() + "/" + event.cameraNumber().strip() + "/" + event.eventId().strip();
        return new GateObservation(event.enterpriseTaxCode().strip(), event.cameraNumber().strip(), at, direction, plate,
                containers, frame, "edge:json", key, note);
    }

    private static ObservedText text(InputCheck check, String field, Reading.Kind kind, JsonAnprEvent.Text text) {
        if (!check.require(field + ".text", text.text())) {
            return null;
        }
        double confidence = 1.0;
        if (text.confidence() != null) {
            if (text.confidence().isNaN() || text.confidence() < 0 || text.confidence() > 1) {
                check.reject(field + ".confidence", "must be between 0 and 1");
            } else {
                confidence = text.confidence();
            }
        }
        byte[] crop = EdgePictures.fromBase64(check, field + ".image", text.image());
        return new ObservedText(kind, text.text().strip(), confidence, 1, crop, null);
    }

    private static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 time with its offset, like 2026-11-24T10:15:30+07:00");
        }
    }
}
