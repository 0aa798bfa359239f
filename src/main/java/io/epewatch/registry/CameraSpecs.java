package io.epewatch.registry;

import java.util.List;

/**
 * A camera's technical specs as the EPE declares them from its datasheet (R1.8). Every field may be left
 * out; Appendix I then reports that row as not declared rather than guessing.
 */
public record CameraSpecs(
        String sensorFormat,
        String sensorType,
        Boolean dayNight,
        Integer resolutionWidth,
        Integer resolutionHeight,
        Boolean whiteBalance,
        List<String> compressions,
        Double focalMinMm,
        Double focalMaxMm,
        Double horizontalViewDeg,
        Integer frameRate,
        List<String> protocols,
        Integer backlightDb,
        String ipRating,
        Integer maxOperatingTempC,
        Double minIlluminationColorLux,
        Double minIlluminationIrLux,
        Boolean onvif,
        List<String> safetyStandards) {

    public CameraSpecs {
        compressions = compressions == null ? List.of() : List.copyOf(compressions);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        safetyStandards = safetyStandards == null ? List.of() : List.copyOf(safetyStandards);
    }

    public static CameraSpecs none() {
        return new CameraSpecs(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
