package io.epewatch.registry;

/**
 * A camera to add to or change on the site diagram.
 *
 * @param onvifProfile  a recorder's channel (from 1) or a profile token; blank: the device's first profile
 * @param rtspTransport TCP, UDP or AUTO; blank: the system's default
 */
public record CameraInput(String number, Long locationId, String streamUrl, String snapshotUrl, String onvifUrl, String direction,
                          CameraSpecs specs, String onvifProfile, String rtspTransport) {

    public CameraInput(String number, Long locationId, String streamUrl, String snapshotUrl, String onvifUrl, String direction,
                       CameraSpecs specs) {
        this(number, locationId, streamUrl, snapshotUrl, onvifUrl, direction, specs, null, null);
    }
}
