package io.epewatch.planning;

/**
 * What an officer found at a check (R4.2).
 *
 * @param camerasOnline       the cameras are online as registered
 * @param imagesMatchLogbook  the recorded images match the camera logbook
 * @param gateLogConsistent   the gate log (and any manual log) agrees with the passages seen
 */
public record Checklist(boolean camerasOnline, boolean imagesMatchLogbook, boolean gateLogConsistent, String remarks) {
}
