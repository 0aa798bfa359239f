package io.epewatch.camera.onvif;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What ONVIF discovery learned about a camera: who made it, its profiles with their encoder settings, the stream and
 * snapshot URIs of the first profile, and how far its clock is from ours.
 */
public record OnvifDevice(DeviceInformation information, List<MediaProfile> profiles, URI streamUri, URI snapshotUri,
                          Duration clockSkew) {
}
