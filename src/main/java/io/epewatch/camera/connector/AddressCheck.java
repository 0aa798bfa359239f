package io.epewatch.camera.connector;

import java.net.URI;

/** The SSRF guard as the connectors see it: checked on every connection, with the name resolved then. */
@FunctionalInterface
public interface AddressCheck {

    /** Why this host and port may not be contacted, or null. */
    String refusal(String host, int port);

    default void verify(URI url) throws CameraFailure {
        if (url == null || url.getHost() == null) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "no usable address: " + (url == null ? "none" : url.getScheme() + "://?"));
        }
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443
                : url.getScheme() != null && url.getScheme().toLowerCase().startsWith("rtsp") ? 554 : 80;
        String refusal = refusal(url.getHost(), port);
        if (refusal != null) {
            throw new CameraFailure(CameraFailure.Kind.FORBIDDEN_ADDRESS, "host " + url.getHost() + " " + refusal);
        }
    }

    static AddressCheck allowingAll() {
        return (host, port) -> null;
    }
}
