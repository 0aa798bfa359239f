package io.epewatch.recognition;

/**
 * A plate or container number as the gate saw it, after voting over a passage's frames or as an edge camera sent it.
 *
 * @param confidence 0..1, combined over the frames that agree
 * @param frames     how many frames agreed (1 for an edge camera's event)
 * @param crop       JPEG of the text in the best frame, or null when the sender gave none
 * @param note       why it is weaker than it looks, or null
 */
public record ObservedText(Reading.Kind kind, String text, double confidence, int frames, byte[] crop, String note) {

    public enum Status { CONFIDENT, UNCERTAIN }

    /** Reads below the bar are kept and shown to officers with their crop as UNCERTAIN, never dropped or trusted. */
    public Status status(double uncertainBelow) {
        return confidence < uncertainBelow ? Status.UNCERTAIN : Status.CONFIDENT;
    }

    @Override
    public String toString() {
        return kind + " " + text + " (" + Math.round(confidence * 100) + "%, " + frames + " frames)";
    }
}
