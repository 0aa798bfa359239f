package io.epewatch.cargo;

/** A manifest was received for the first time or in a new version. */
public record ManifestRecorded(Manifest manifest) {
}
