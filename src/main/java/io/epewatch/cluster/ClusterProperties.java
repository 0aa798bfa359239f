package io.epewatch.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances share work ({@code epewatch.cluster.*}).
 *
 * @param instanceId this instance's name among the members; empty for the host name and a hash of the data directory.
 *                   Keep it stable across restarts (a StatefulSet pod name) and a restarted instance takes its
 *                   partitions back at once
 * @param heartbeat  how often a member says it is alive and renews its leases
 * @param leaseTtl   how long a lease outlives its last renewal: an instance that died loses its partitions this long
 *                   after its last heartbeat (must stay well under the camera probe interval, 30 s by default)
 */
@ConfigurationProperties("epewatch.cluster")
public record ClusterProperties(String instanceId, @DefaultValue("PT2S") Duration heartbeat,
                                @DefaultValue("PT10S") Duration leaseTtl) {

    public ClusterProperties {
        if (heartbeat.multipliedBy(3).compareTo(leaseTtl) > 0) {
            throw new IllegalArgumentException("epewatch.cluster.lease-ttl (" + leaseTtl
                    + ") must be at least three heartbeats (" + heartbeat + "), or a busy instance loses its leases");
        }
    }
}
