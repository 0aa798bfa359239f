package io.epewatch.camera.connector;

import java.net.URI;

/**
 * Where and how to reach one camera: any of its ONVIF device service, stream and snapshot addresses, and the account
 * the EPE handed over (R2.2). The password never appears in {@link #toString()}.
 */
public record CameraAddress(URI onvif, URI stream, URI snapshot, String username, String password) {

    public static CameraAddress of(String onvif, String stream, String snapshot, String username, String password) {
        return new CameraAddress(uri(onvif), uri(stream), uri(snapshot), username, password);
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value.strip());
    }

    @Override
    public String toString() {
        return "CameraAddress[onvif=" + onvif + ", stream=" + stream + ", snapshot=" + snapshot + ", username=" + username + "]";
    }
}
