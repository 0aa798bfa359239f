/**
 * Whether this instance takes declarations now (R6.1, the Ecus6 letter 497/CHQ-CNTT): the same application runs as
 * the PRIMARY clearance system or as its BACKUP, each with its own database. A backup takes declarations only while
 * it has taken over from a primary declared down; a primary that has a backup takes them only while it holds the
 * lease the backup grants. Every write to a declaration passes {@link io.epewatch.intake.DeclarationIntake#admit()},
 * so the two never take declarations at once. The lease protocol itself is the {@code continuity} module's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel"})
package io.epewatch.intake;
