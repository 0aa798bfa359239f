package io.epewatch.camera.health;

import java.util.Collection;

import io.epewatch.camera.CameraState;

/**
 * Decision 247 treats outages differently: a transmission-channel outage (R2.4, 3 working days) when every camera of
 * the enterprise is down together — the link is gone — and an equipment outage (R2.3, 10 working days) otherwise.
 */
enum OutageKind {
    CHANNEL,
    EQUIPMENT;

    /** Classifies an outage from the states of all the enterprise's online-linked cameras at that moment. */
    static OutageKind of(Collection<CameraState> enterpriseCameras) {
        return !enterpriseCameras.isEmpty() && enterpriseCameras.stream().allMatch(state -> state == CameraState.OFFLINE)
                ? CHANNEL : EQUIPMENT;
    }
}
