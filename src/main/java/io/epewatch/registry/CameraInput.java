package io.epewatch.registry;

/** A camera to add to or change on the site diagram. */
public record CameraInput(String number, Long locationId, String streamUrl, String snapshotUrl, String onvifUrl, String direction,
                          CameraSpecs specs) {
}
