package io.epewatch.evidence;

import java.time.Instant;

/** Media to keep as evidence, with the camera and moment it shows. */
public record NewEvidence(byte[] content, String mediaType, String enterpriseTaxCode, String cameraNumber, Instant capturedAt) {

    @Override
    public String toString() {
        return "NewEvidence[" + mediaType + ", " + (content == null ? 0 : content.length) + " bytes, " + cameraNumber + "]";
    }
}
