package io.epewatch.incident;

import java.time.Instant;
import java.util.List;

/**
 * The notification of a camera or channel incident, field for field as Appendix II of Decision 247 (R2.3, R2.4).
 *
 * @param affectedCameras      the cameras concerned, by their number on the site diagram (location and count)
 * @param description          the current state and its cause
 * @param effect               the effect on customs supervision
 * @param expectedRestoration  when the EPE expects service back
 */
public record AppendixII(String enterpriseName, String address, String taxCode, String description,
                         List<String> affectedCameras, String effect, Instant expectedRestoration,
                         String technicalContactName, String technicalContactPhone) {

    /** The same notice naming these cameras. */
    AppendixII withCameras(List<String> cameras) {
        return new AppendixII(enterpriseName, address, taxCode, description, List.copyOf(cameras), effect, expectedRestoration,
                technicalContactName, technicalContactPhone);
    }
}
