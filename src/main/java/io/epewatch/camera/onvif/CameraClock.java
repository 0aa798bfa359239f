package io.epewatch.camera.onvif;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.w3c.dom.Element;

/**
 * The camera's UTC time from {@code GetSystemDateAndTime}. WS-UsernameToken digests carry a creation time the camera
 * checks against its own clock, so the connector signs with {@code our clock + skew}; a large skew is also a health
 * finding (DEGRADED).
 */
final class CameraClock {

    private CameraClock() {
    }

    static Instant decode(byte[] response) {
        Element utc = SafeXml.first(SoapFaults.parseOrThrow(response), "UTCDateTime");
        if (utc == null) {
            throw new OnvifException("camera reports no UTC date and time");
        }
        try {
            return LocalDateTime.of(number(utc, "Year"), number(utc, "Month"), number(utc, "Day"), number(utc, "Hour"),
                    number(utc, "Minute"), number(utc, "Second")).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new OnvifException("camera reports an impossible date: " + e.getMessage());
        }
    }

    private static int number(Element from, String name) {
        try {
            return Integer.parseInt(SafeXml.required(from, name));
        } catch (NumberFormatException e) {
            throw new OnvifException(name + " is not a number");
        }
    }
}
