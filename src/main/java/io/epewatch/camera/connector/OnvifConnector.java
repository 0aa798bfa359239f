package io.epewatch.camera.connector;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.epewatch.camera.onvif.MediaProfile;
import io.epewatch.camera.onvif.OnvifClient;
import io.epewatch.camera.onvif.OnvifDevice;
import io.epewatch.camera.onvif.OnvifException;
import io.epewatch.camera.snapshot.Snapshot;

/**
 * A camera seen through ONVIF: its clock (for the skew), its profile's resolution and frame rate, and a snapshot from
 * the URI the camera reports. Full discovery runs once and again every {@code rediscoverAfter}; in between, a probe
 * costs one unauthenticated clock call and one snapshot. What discovery learned is kept per camera — its address,
 * profile and account — never per device address alone: two cameras on one recorder, or one registered twice with
 * different accounts, must not see through each other's discovery (issue 20).
 */
final class OnvifConnector implements CameraConnector {

    private record Discovered(OnvifDevice device, Instant at) {
    }

    /** Whose discovery it is; the password is part of the key, never of a message. */
    private record Key(URI onvif, String profile, String username, String password) {
        static Key of(CameraAddress address) {
            return new Key(address.onvif(), address.profile(), address.username(), address.password());
        }

        @Override
        public String toString() {
            return "Key[" + onvif + ", " + profile + ", " + username + "]";
        }
    }

    private final OnvifClient client;
    private final HttpSnapshotConnector snapshots;
    private final AddressCheck addresses;
    private final Clock clock;
    private final Duration rediscoverAfter;
    private final Map<Key, Discovered> discovered = new ConcurrentHashMap<>();

    OnvifConnector(Duration timeout, Clock clock, AddressCheck addresses, HttpSnapshotConnector snapshots, Duration rediscoverAfter) {
        this.client = new OnvifClient(timeout, clock, addresses::refusal);
        this.snapshots = snapshots;
        this.addresses = addresses;
        this.clock = clock;
        this.rediscoverAfter = rediscoverAfter;
    }

    @Override
    public Protocol protocol() {
        return Protocol.ONVIF;
    }

    @Override
    public boolean serves(CameraAddress address) {
        return address.onvif() != null;
    }

    @Override
    public Observation observe(CameraAddress address) throws CameraFailure {
        addresses.verify(address.onvif());
        try {
            Duration skew = client.clockSkew(address.onvif());
            OnvifDevice device = device(address);
            MediaProfile profile = device.profile();
            Snapshot snapshot = snapshots.fetch(device.snapshotUri(), address);
            FrameSample sample = HttpSnapshotConnector.sample(snapshot);
            return new Observation(snapshot.fetchedAt(), Protocol.ONVIF, profile.width(), profile.height(),
                    profile.frameRateLimit() == null ? null : profile.frameRateLimit().doubleValue(), skew, snapshot.jpeg(), sample);
        } catch (OnvifException e) {
            discovered.remove(Key.of(address));
            throw failure(e);
        }
    }

    /** The snapshot address the camera reports, for live view. */
    URI snapshotUri(CameraAddress address) throws CameraFailure {
        addresses.verify(address.onvif());
        try {
            return device(address).snapshotUri();
        } catch (OnvifException e) {
            throw failure(e);
        }
    }

    /** Everything the device tells about itself (registration's check against Appendix I, R1.8). */
    OnvifDevice discover(CameraAddress address) throws CameraFailure {
        addresses.verify(address.onvif());
        try {
            OnvifDevice device = client.discover(address.onvif(), address.username(), address.password(), address.profile());
            discovered.put(Key.of(address), new Discovered(device, clock.instant()));
            return device;
        } catch (OnvifException e) {
            throw failure(e);
        }
    }

    /** The device's Profile G archive for this camera; empty when it has none. */
    java.util.Optional<OnvifClient.Archive> archive(CameraAddress address) throws CameraFailure {
        addresses.verify(address.onvif());
        try {
            java.util.Optional<OnvifClient.Archive> archive = client.archive(address.onvif(), address.username(), address.password(), address.profile());
            if (archive.isPresent() && archive.get().replayUri() != null) {
                addresses.verify(archive.get().replayUri()); // resolved now, as at every connection
            }
            return archive;
        } catch (OnvifException e) {
            throw failure(e);
        }
    }

    private OnvifDevice device(CameraAddress address) throws CameraFailure {
        Discovered known = discovered.get(Key.of(address));
        if (known != null && known.at().plus(rediscoverAfter).isAfter(clock.instant())) {
            return known.device();
        }
        return discover(address);
    }

    private static CameraFailure failure(OnvifException e) {
        return new CameraFailure(switch (e.kind()) {
            case NO_ANSWER -> CameraFailure.Kind.UNREACHABLE;
            case TIMEOUT -> CameraFailure.Kind.TIMEOUT;
            case NOT_AUTHORIZED -> CameraFailure.Kind.UNAUTHORIZED;
            case BAD_ANSWER -> CameraFailure.Kind.BAD_ANSWER;
            case FORBIDDEN_ADDRESS -> CameraFailure.Kind.FORBIDDEN_ADDRESS;
        }, e.getMessage());
    }
}
