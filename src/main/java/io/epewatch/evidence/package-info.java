/**
 * Evidence: snapshots and clips with their SHA-256, linked to gate events, warnings and cases, kept at least 12 months
 * (R2.2) and never purged while held. {@link io.epewatch.evidence.EvidenceStore} is the port; the filesystem adapter
 * is the default (S3-compatible storage later).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel", "registry"})
package io.epewatch.evidence;
