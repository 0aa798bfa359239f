package io.epewatch.camera.device;

import java.time.Instant;
import java.util.List;

/**
 * What a camera reported about itself over ONVIF, and where that contradicts what the EPE declared (R1.8).
 *
 * @param findings one sentence per contradiction; empty when the device matches its declaration
 */
public record DeviceCheck(String cameraNumber, Instant checkedAt, String checkedBy, String manufacturer, String model,
                          String firmware, String serial, Integer width, Integer height, Integer frameRate, String encoding,
                          Long clockSkewSeconds, List<String> findings) {

    public boolean matchesDeclaration() {
        return findings.isEmpty();
    }
}
