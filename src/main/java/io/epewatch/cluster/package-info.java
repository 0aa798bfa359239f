/**
 * Several instances sharing the work (issue 22): each instance is a member with a heartbeat in PostgreSQL, and the
 * work that must be done by exactly one of them at a time — the risk engine's partitions of enterprises, the probing
 * of an enterprise's cameras — is split into numbered partitions whose leases the members share fairly
 * ({@link io.epewatch.cluster.WorkLeases}). A lease that is not renewed expires and is taken over by another member
 * with a higher epoch, which fences the old holder's writes. One instance alone holds every partition, so the
 * single-machine default works as before. No cluster protocol of our own: the database's row locks and clock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel"})
package io.epewatch.cluster;
