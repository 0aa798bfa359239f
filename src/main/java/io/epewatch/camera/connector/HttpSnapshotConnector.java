package io.epewatch.camera.connector;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.epewatch.camera.snapshot.HttpSnapshotClient;
import io.epewatch.camera.snapshot.Snapshot;
import io.epewatch.camera.snapshot.SnapshotFailure;

/** A camera seen through its HTTP snapshot address (JPEG, Basic or Digest): cheap enough to probe every 30 s. */
final class HttpSnapshotConnector implements CameraConnector {

    private final HttpSnapshotClient client;
    private final AddressCheck addresses;

    HttpSnapshotConnector(Duration timeout, Clock clock, AddressCheck addresses) {
        this.client = new HttpSnapshotClient(timeout, clock);
        this.addresses = addresses;
    }

    @Override
    public Protocol protocol() {
        return Protocol.HTTP;
    }

    @Override
    public boolean serves(CameraAddress address) {
        return address.snapshot() != null;
    }

    @Override
    public Observation observe(CameraAddress address) throws CameraFailure {
        Snapshot snapshot = fetch(address.snapshot(), address);
        FrameSample sample = sample(snapshot);
        return new Observation(snapshot.fetchedAt(), Protocol.HTTP, sample.width(), sample.height(), null, null, snapshot.jpeg(), sample);
    }

    /** The snapshot's fingerprint; a JPEG header on something that does not decode is a bad answer. */
    static FrameSample sample(Snapshot snapshot) throws CameraFailure {
        FrameSample sample = FrameSample.ofJpeg(snapshot.jpeg());
        if (sample == null) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the snapshot does not decode as a picture");
        }
        return sample;
    }

    /** Also used by the ONVIF connector, for the snapshot address the camera reports. */
    Snapshot fetch(URI url, CameraAddress account) throws CameraFailure {
        addresses.verify(url);
        try {
            return client.fetch(url, account.username(), account.password());
        } catch (SnapshotFailure failure) {
            throw new CameraFailure(switch (failure.kind()) {
                case UNREACHABLE -> CameraFailure.Kind.UNREACHABLE;
                case TIMEOUT -> CameraFailure.Kind.TIMEOUT;
                case UNAUTHORIZED -> CameraFailure.Kind.UNAUTHORIZED;
                case NOT_AN_IMAGE, HTTP_ERROR -> CameraFailure.Kind.BAD_ANSWER;
            }, failure.getMessage());
        }
    }
}
