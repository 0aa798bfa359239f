package io.epewatch.camera.connector;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.camera.onvif.OnvifDevice;

/**
 * Chooses each camera's connector: ONVIF when the camera has a device service address (it tells the most: clock,
 * profiles, snapshot), else its HTTP snapshot address (cheapest), else its RTSP stream.
 */
public class CameraConnectors {

    private final OnvifConnector onvif;
    private final HttpSnapshotConnector http;
    private final RtspConnector rtsp;
    private final List<CameraConnector> byPreference;

    public CameraConnectors(CameraMonitorProperties properties, AddressCheck addresses, Clock clock) {
        this.http = new HttpSnapshotConnector(properties.probeTimeout(), clock, addresses);
        this.onvif = new OnvifConnector(properties.probeTimeout(), clock, addresses, http, properties.rediscoverAfter());
        this.rtsp = new RtspConnector(properties.probeTimeout(), properties.rtspWindow(),
                io.epewatch.registry.RtspTransport.valueOf(properties.rtspTransport().toUpperCase(Locale.ROOT)), properties.rtspDecoders(), addresses, clock);
        this.byPreference = List.of(onvif, http, rtsp);
    }

    public Optional<CameraConnector> forCamera(CameraAddress address) {
        return byPreference.stream().filter(c -> c.serves(address)).findFirst();
    }

    /** A specific protocol, whatever the preference (the RTSP check of a camera that also has snapshots). */
    public Optional<CameraConnector> using(CameraConnector.Protocol protocol, CameraAddress address) {
        return byPreference.stream().filter(c -> c.protocol() == protocol && c.serves(address)).findFirst();
    }

    /**
     * Pictures for live view (R4.7): snapshots (ONVIF's snapshot URI, else the HTTP snapshot address), which costs
     * the camera nothing between pictures; else the RTSP stream, decoded while it is watched.
     */
    public LiveFeed feed(CameraAddress address) throws CameraFailure {
        if (onvif.serves(address) || http.serves(address)) {
            java.net.URI snapshot = onvif.serves(address) ? onvif.snapshotUri(address) : address.snapshot();
            return new LiveFeed() {
                @Override
                public byte[] next() throws CameraFailure {
                    return http.fetch(snapshot, address).jpeg();
                }

                @Override
                public void close() {
                }
            };
        }
        if (rtsp.serves(address)) {
            return rtsp.feed(address);
        }
        throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the camera has no snapshot or stream address");
    }

    /**
     * The footage the camera's device keeps (ONVIF Profile G, R2.2): its recording of this camera and where to replay
     * it; empty when the device offers no recording search or replay.
     */
    public Optional<io.epewatch.camera.onvif.OnvifClient.Archive> archive(CameraAddress address) throws CameraFailure {
        if (!onvif.serves(address)) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the camera has no ONVIF address");
        }
        return onvif.archive(address);
    }

    /** Full ONVIF discovery: model, firmware, profiles, stream and snapshot URIs, clock skew. */
    public OnvifDevice discover(CameraAddress address) throws CameraFailure {
        if (!onvif.serves(address)) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "the camera has no ONVIF address");
        }
        return onvif.discover(address);
    }
}
