package io.epewatch.camera.onvif;

import java.net.URI;
import java.net.URISyntaxException;

/** The {@code tt:Uri} of a {@code GetStreamUri} or {@code GetSnapshotUri} answer. */
final class MediaUris {

    private MediaUris() {
    }

    static URI decode(byte[] response) {
        String uri = SafeXml.required(SafeXml.first(SoapFaults.parseOrThrow(response), "MediaUri"), "Uri");
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new OnvifException("camera gave an invalid media URI: " + uri);
        }
    }
}
