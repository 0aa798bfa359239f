package io.epewatch.camera.onvif;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Turns a SOAP 1.2 fault into an {@link OnvifException} naming its code, subcode and reason. */
final class SoapFaults {

    private SoapFaults() {
    }

    /** Parses a response and throws if it is a fault; otherwise returns the document. */
    static Document parseOrThrow(byte[] response) {
        Document document = SafeXml.parse(response);
        Element fault = SafeXml.first(document, "Fault");
        if (fault != null) {
            Element subcode = SafeXml.first(fault, "Subcode");
            String code = SafeXml.text(SafeXml.first(fault, "Code"), "Value");
            String sub = subcode == null ? "" : firstLine(SafeXml.text(subcode, "Value"));
            throw new OnvifException(sub.endsWith("NotAuthorized") ? OnvifException.Kind.NOT_AUTHORIZED : OnvifException.Kind.BAD_ANSWER,
                    "camera answered a SOAP fault: " + firstLine(code)
                    + (subcode == null ? "" : " / " + firstLine(SafeXml.text(subcode, "Value")))
                    + ": " + firstLine(SafeXml.text(fault, "Text")));
        }
        return document;
    }

    private static String firstLine(String value) {
        return value == null ? "?" : value.strip().lines().findFirst().orElse("").strip();
    }
}
