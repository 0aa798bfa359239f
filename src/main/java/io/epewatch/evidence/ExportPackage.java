package io.epewatch.evidence;

import java.time.Instant;
import java.util.UUID;

/** A built export package: a zip with the media, manifest.json and its Ed25519 signature. */
public record ExportPackage(UUID id, int files, String sha256, Instant createdAt, String signingKeyFingerprint) {
}
