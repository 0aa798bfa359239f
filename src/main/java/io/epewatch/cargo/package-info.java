/**
 * Cargo documents (R4.4): manifests, the EPE's warehouse receipt and delivery notes, and confirmations of goods
 * passing a customs-supervised area (port/ICD gate-in, gate-out). Each is taken in idempotently — the same document
 * again changes nothing, changed content is a new version — by JSON or CSV. Publishes {@link ManifestRecorded},
 * {@link WarehouseNoteRecorded} and {@link AreaPassageConfirmed}, which the risk engine reads.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel", "registry"})
package io.epewatch.cargo;
