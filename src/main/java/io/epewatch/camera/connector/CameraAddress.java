package io.epewatch.camera.connector;

import java.net.URI;
import java.util.Optional;

import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;

/**
 * Where and how to reach one camera: any of its ONVIF device service, stream and snapshot addresses, and the account
 * the EPE handed over (R2.2). The password never appears in {@link #toString()}.
 */
public record CameraAddress(URI onvif, URI stream, URI snapshot, String username, String password) {

    public static CameraAddress of(String onvif, String stream, String snapshot, String username, String password) {
        return new CameraAddress(uri(onvif), uri(stream), uri(snapshot), username, password);
    }

    /** A registered camera's addresses, with the account the EPE handed over, if any. */
    public static CameraAddress of(Camera camera, Optional<CameraCredentials.Credential> account) {
        return of(camera.onvifUrl(), camera.streamUrl(), camera.snapshotUrl(),
                account.map(CameraCredentials.Credential::username).orElse(null),
                account.map(CameraCredentials.Credential::password).orElse(null));
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value.strip());
    }

    @Override
    public String toString() {
        return "CameraAddress[onvif=" + onvif + ", stream=" + stream + ", snapshot=" + snapshot + ", username=" + username + "]";
    }
}
