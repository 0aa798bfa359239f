package io.epewatch.camera.connector;

import java.net.URI;

/** The SSRF guard as the connectors see it: checked on every connection, with the name resolved then. */
@FunctionalInterface
public interface AddressCheck {

    /** Why this URL's host and port may not be contacted, or null. */
    String refusal(URI url);

    default void verify(URI url) throws CameraFailure {
        if (url == null || url.getHost() == null) {
            throw new CameraFailure(CameraFailure.Kind.BAD_ANSWER, "no usable address: " + (url == null ? "none" : url.getScheme() + "://?"));
        }
        String refusal = refusal(url);
        if (refusal != null) {
            throw new CameraFailure(CameraFailure.Kind.FORBIDDEN_ADDRESS, "host " + url.getHost() + " " + refusal);
        }
    }

    static AddressCheck allowingAll() {
        return url -> null;
    }
}
