package io.epewatch.recognition.anpr;

import java.util.List;

/**
 * The generic edge ANPR event (schema in docs/recognition.md): what any camera or edge box that reads plates on
 * board can send. Confidences are 0..1; pictures are base64 JPEG.
 *
 * @param eventId the sender's id for the event, unique per camera: a repeat with the same id is recognised and not
 *                stored twice
 */
public record JsonAnprEvent(String eventId, String enterpriseTaxCode, String cameraNumber, String capturedAt,
                            String direction, Text plate, List<Text> containers, String image) {

    /** A plate or container number as the camera read it. */
    public record Text(String text, Double confidence, String image) {
    }
}
