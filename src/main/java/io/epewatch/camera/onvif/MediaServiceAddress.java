package io.epewatch.camera.onvif;

import java.net.URI;
import java.net.URISyntaxException;

/** The media service's address from {@code GetCapabilities} (Media/XAddr): where profiles and URIs are asked. */
final class MediaServiceAddress {

    private MediaServiceAddress() {
    }

    static URI decode(byte[] response) {
        String address = SafeXml.required(SafeXml.first(SoapFaults.parseOrThrow(response), "Media"), "XAddr");
        try {
            return new URI(address);
        } catch (URISyntaxException e) {
            throw new OnvifException("camera gave an invalid media service address: " + address);
        }
    }
}
