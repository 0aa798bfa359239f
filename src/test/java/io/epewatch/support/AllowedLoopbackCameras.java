package io.epewatch.support;

import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

import io.epewatch.simulator.SimulatedCamera;

/**
 * Starts a simulated camera on loopback ports inside {@code epewatch.camera.allowed-loopback-ports} (18600–18999 in
 * the tests), so the SSRF guard, left as strict as in production, lets the application reach it.
 */
public final class AllowedLoopbackCameras {

    public static final int FIRST = 18600;
    public static final int LAST = 18999;

    private AllowedLoopbackCameras() {
    }

    public static SimulatedCamera start(SimulatedCamera.Spec spec) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int http = FIRST + 2 * ThreadLocalRandom.current().nextInt((LAST - FIRST) / 2);
            try {
                return SimulatedCamera.start(spec, http, http + 1);
            } catch (UncheckedIOException taken) {
                // another camera has that port: try another
            }
        }
        throw new IllegalStateException("no free port pair between " + FIRST + " and " + LAST);
    }
}
