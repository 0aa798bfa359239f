package io.epewatch.camera;

import java.util.List;
import java.util.Set;

import io.epewatch.cluster.PartitionListener;
import io.epewatch.cluster.Partitioning;
import io.epewatch.cluster.WorkLeases;
import io.epewatch.registry.Camera;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which cameras this instance looks after (issue 22): probing, recognition at the gates, the recent footage of gate
 * cameras and the clips cut from it. The cameras are shared out by enterprise — all of one enterprise's cameras on one
 * instance, so the last camera to fall sees the others down — through partition leases
 * ({@link WorkLeases}, kind {@value #WORK}). When an instance dies, its partitions' leases expire within
 * {@code epewatch.cluster.lease-ttl} (10 s) and the others take them up, well within a probe cycle (30 s).
 * Alone, an instance looks after every camera. An instance started with {@code epewatch.camera.fleet.enabled=false}
 * (one that serves pages and the API only) looks after none.
 */
@Component
public class CameraFleet implements PartitionListener {

    static final String WORK = "cameras";

    private final WorkLeases leases;
    private final ApplicationEventPublisher events;
    private final int partitions;

    CameraFleet(WorkLeases leases, ApplicationEventPublisher events,
                @Value("${epewatch.camera.partitions:64}") int partitions,
                @Value("${epewatch.camera.fleet.enabled:true}") boolean enabled) {
        this.leases = leases;
        this.events = events;
        this.partitions = partitions;
        if (enabled) {
            leases.register(WORK, partitions, this);
        }
    }

    /** Whether this instance looks after the camera now. */
    public boolean mine(Camera camera) {
        return leases.owns(WORK, partition(camera));
    }

    /** The cameras of these that this instance looks after. */
    public List<Camera> mine(List<Camera> cameras) {
        Set<Integer> owned = leases.owned(WORK);
        return cameras.stream().filter(c -> owned.contains(partition(c))).toList();
    }

    /**
     * In the caller's transaction, before it records what was seen of the camera (a state change in the logbook):
     * proves the camera is still this instance's, so an instance that lost it while probing logs nothing.
     *
     * @throws io.epewatch.cluster.LeaseLostException when another instance took it over
     */
    public void fence(Camera camera) {
        leases.fence(WORK, partition(camera));
    }

    int partition(Camera camera) {
        return Partitioning.of(camera.enterpriseTaxCode(), partitions);
    }

    @Override
    public void assigned(Set<Integer> parts) {
        events.publishEvent(new CameraFleetChanged(false));
    }

    @Override
    public void revoked(Set<Integer> parts) {
        events.publishEvent(new CameraFleetChanged(true));
    }

    /**
     * This instance gained or lost cameras; those watching them adjust at once rather than at their next refresh.
     *
     * @param lost whether cameras went to another instance (drop what is held for them)
     */
    public record CameraFleetChanged(boolean lost) {
    }
}
