package io.epewatch.gate;

/**
 * A container number as read at the gate, with whether it passes ISO 6346.
 *
 * @param invalidReason why it cannot be right (category letter or check digit), or null
 */
public record ContainerRead(String number, boolean valid, String invalidReason) {
}
