package io.epewatch.camera.onvif;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What ONVIF discovery learned about a camera: who made it, all its profiles, the profile this camera is (a recorder's
 * channel, or the first profile) with that profile's stream and snapshot URIs, and how far its clock is from ours.
 */
public record OnvifDevice(DeviceInformation information, List<MediaProfile> profiles, MediaProfile profile, URI streamUri,
                          URI snapshotUri, Duration clockSkew) {
}
