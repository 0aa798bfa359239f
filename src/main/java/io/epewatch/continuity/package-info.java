/**
 * The primary/backup pair of clearance systems (R6.1, R6.4; the Ecus6 letter 497/CHQ-CNTT): the backup grants the
 * primary a short lease, watches for it to stop asking, declares the primary down and takes over (automatically, or
 * when customs IT confirms); when the primary returns, the backup stops, the primary takes back everything the backup
 * accepted exactly once, and the backup grants it the lease again. Only the primary calls the backup, with the
 * pair's shared secret. Which instance takes declarations is the {@code intake} module's check.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "calendar", "clearance", "identity", "intake", "kernel", "notification", "registry"})
package io.epewatch.continuity;
