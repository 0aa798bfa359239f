package io.epewatch.recognition;

/**
 * A plate or container number read from a picture, in canonical form.
 *
 * @param confidence 0..1: the weakest character's probability after the grammar's choice, raised when an ISO 6346
 *                   check digit confirms the read
 * @param box        where in the picture it was read
 * @param note       why the read is weaker than it looks (check digit computed, not seen), or null
 */
public record Reading(Kind kind, String text, double confidence, Box box, String note) {

    public enum Kind { PLATE, CONTAINER }

    /** Letters and digits only: how reads are compared and scored. */
    public String compact() {
        return text.replaceAll("[^A-Z0-9]", "");
    }
}
