package io.epewatch.cluster;

import java.util.Set;

/** Told when this instance gains or loses partitions of a kind of work. */
public interface PartitionListener {

    /** Called after the leases are committed: the work of these partitions is now this instance's. */
    void assigned(Set<Integer> partitions);

    /**
     * Called before the leases are given back (rebalancing), or once they were found taken over (this instance was
     * too slow to renew them): stop the work of these partitions and drop what is held in memory for them.
     */
    void revoked(Set<Integer> partitions);
}
