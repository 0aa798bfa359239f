package io.epewatch.camera.connector;

import java.net.URI;
import java.util.Optional;

import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.RtspTransport;

/**
 * Where and how to reach one camera: any of its ONVIF device service, stream and snapshot addresses, the account the
 * EPE handed over (R2.2), which profile of the device it is (a recorder's channel) and how its RTSP stream is carried
 * (null: the system's default). The password never appears in {@link #toString()}.
 */
public record CameraAddress(URI onvif, URI stream, URI snapshot, String username, String password, String profile,
                            RtspTransport transport) {

    public static CameraAddress of(String onvif, String stream, String snapshot, String username, String password) {
        return new CameraAddress(uri(onvif), uri(stream), uri(snapshot), username, password, null, null);
    }

    /** A registered camera's addresses, with the account the EPE handed over, if any. */
    public static CameraAddress of(Camera camera, Optional<CameraCredentials.Credential> account) {
        return new CameraAddress(uri(camera.onvifUrl()), uri(camera.streamUrl()), uri(camera.snapshotUrl()),
                account.map(CameraCredentials.Credential::username).orElse(null),
                account.map(CameraCredentials.Credential::password).orElse(null), camera.onvifProfile(), camera.rtspTransport());
    }

    public CameraAddress withProfile(String profile) {
        return new CameraAddress(onvif, stream, snapshot, username, password, profile, transport);
    }

    public CameraAddress withTransport(RtspTransport transport) {
        return new CameraAddress(onvif, stream, snapshot, username, password, profile, transport);
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value.strip());
    }

    @Override
    public String toString() {
        return "CameraAddress[onvif=" + onvif + ", stream=" + stream + ", snapshot=" + snapshot + ", username=" + username + ", profile=" + profile
                + ", transport=" + transport + "]";
    }
}
