package io.epewatch.recognition;

import io.epewatch.kernel.PlateNumber;

/**
 * A plate or container number as the gate saw it, after voting over a passage's frames or as an edge camera sent it.
 *
 * @param confidence 0..1, combined over the frames that agree
 * @param frames     how many frames agreed (1 for an edge camera's event)
 * @param crop       JPEG of the text in the best frame, or null when the sender gave none
 * @param note       why it is weaker than it looks, or null
 */
public record ObservedText(Reading.Kind kind, String text, double confidence, int frames, byte[] crop, String note) {

    /**
     * CONFIDENT: trusted as read. UNCERTAIN: kept and shown to officers with its crop, never dropped or trusted.
     * UNREAD: a vehicle passed and nothing on it could be read (issue 21) — a reading with no text.
     */
    public enum Status { CONFIDENT, UNCERTAIN, UNREAD }

    /**
     * Reads below the bar are UNCERTAIN; so is a plate whose country is not known ({@code XX ...}, issue 21) however
     * sure the reader was of its characters, since nothing says it is a plate.
     */
    public Status status(double uncertainBelow) {
        boolean unknownCountry = kind == Reading.Kind.PLATE && PlateNumber.ofUnknownCountry(text);
        return confidence < uncertainBelow || unknownCountry ? Status.UNCERTAIN : Status.CONFIDENT;
    }

    @Override
    public String toString() {
        return kind + " " + text + " (" + Math.round(confidence * 100) + "%, " + frames + " frames)";
    }
}
