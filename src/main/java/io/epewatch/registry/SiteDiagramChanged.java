package io.epewatch.registry;

import java.time.Instant;

/**
 * An enterprise's site diagram changed: a location or camera was added, changed, retired or put back. What is
 * watched may have changed with it — a gate may have lost its last camera (R1.1, R1.3).
 *
 * @param version counts the diagram's changes, so each change is told apart from the last
 */
public record SiteDiagramChanged(String taxCode, long version, Instant at) {
}
