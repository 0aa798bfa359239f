package io.epewatch.camera.onvif;

import java.util.List;

import io.epewatch.kernel.UntrustedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** {@link UntrustedXml} for ONVIF answers: a problem is the camera's bad answer. */
final class SafeXml {

    static final int MAX_BYTES = UntrustedXml.MAX_BYTES;

    private SafeXml() {
    }

    static Document parse(byte[] xml) {
        try {
            return UntrustedXml.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new OnvifException("response " + e.getMessage());
        }
    }

    static Element first(Node from, String localName) {
        return UntrustedXml.first(from, localName);
    }

    static List<Element> all(Node from, String localName) {
        return UntrustedXml.all(from, localName);
    }

    static String text(Node from, String localName) {
        return UntrustedXml.text(from, localName);
    }

    static String required(Node from, String localName) {
        String value = text(from, localName);
        if (value == null || value.isEmpty()) {
            throw new OnvifException("response has no " + localName);
        }
        return value;
    }
}
