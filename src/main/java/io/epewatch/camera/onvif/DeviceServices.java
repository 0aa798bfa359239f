package io.epewatch.camera.onvif;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;

import org.w3c.dom.Element;

/** The device's services from {@code GetServices}: namespace → address. Profile G is search and replay. */
final class DeviceServices {

    static final String SEARCH = "http://www.onvif.org/ver10/search/wsdl";
    static final String REPLAY = "http://www.onvif.org/ver10/replay/wsdl";

    private DeviceServices() {
    }

    static Map<String, URI> decode(byte[] response) {
        Map<String, URI> services = new HashMap<>();
        for (Element service : SafeXml.all(SoapFaults.parseOrThrow(response), "Service")) {
            String namespace = SafeXml.text(service, "Namespace");
            String address = SafeXml.text(service, "XAddr");
            if (namespace != null && address != null) {
                try {
                    services.put(namespace.strip(), new URI(address.strip()));
                } catch (URISyntaxException e) {
                    throw new OnvifException("camera gave an invalid service address: " + address.strip());
                }
            }
        }
        return services;
    }
}
