package io.epewatch.cargo;

import org.springframework.modulith.events.Externalized;

/**
 * A manifest was recorded or changed; the risk engine reads it through {@link Manifests#asRecorded}.
 *
 * @param version the version recorded: a listener that finds a later one leaves it to that version's own event
 */
@Externalized("epewatch.cargo::#{enterpriseTaxCode()}")
public record ManifestRecorded(String number, int version, String enterpriseTaxCode) {
}
