package io.epewatch.recognition.anpr;

import java.util.Base64;

import io.epewatch.kernel.InputCheck;

/** Pictures sent by edge cameras: JPEG only, bounded, so nothing else is stored as evidence. */
final class EdgePictures {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private EdgePictures() {
    }

    /** The JPEG in a base64 field, null when absent; a problem is reported against {@code field}. */
    static byte[] fromBase64(InputCheck check, String field, String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            check.reject(field, "is not valid base64");
            return null;
        }
        return jpeg(check, field, bytes);
    }

    static byte[] jpeg(InputCheck check, String field, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            check.reject(field, "is larger than " + MAX_BYTES + " bytes");
            return null;
        }
        if (bytes.length < 4 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
            check.reject(field, "is not a JPEG picture");
            return null;
        }
        return bytes;
    }
}
