package io.epewatch.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Many simulated cameras behind one HTTP port, each under its own path ({@code /cam/N/...}) — ONVIF and snapshots,
 * no RTSP — so that thousands fit in one process for the benchmark. An offline camera here drops each connection
 * without an answer.
 */
public final class CameraFarm implements AutoCloseable {

    private final HttpServer server;
    private final List<SimulatedCamera> cameras = new ArrayList<>();

    public CameraFarm(int port, int count, SimulatedCamera.Spec template) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        for (int i = 0; i < count; i++) {
            SimulatedCamera.Spec spec = new SimulatedCamera.Spec("CAM" + i, template.username(), template.password(),
                    template.snapshotAuth(), template.width(), template.height(), template.fps(), template.plate(),
                    template.container(), template.model(), template.firmware());
            cameras.add(SimulatedCamera.onShared(server, "/cam/" + i, spec));
        }
        server.start();
    }

    /**
     * Runs a farm as its own process, for the benchmark: {@code CameraFarm PORT COUNT}. {@code /control/N/FAULT}
     * breaks camera N (or mends it, with NONE).
     */
    public static void main(String[] args) throws Exception {
        CameraFarm farm = new CameraFarm(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                SimulatedCamera.Spec.of("CAM", null, null).withSize(320, 180, 25).withSnapshotAuth(SimulatedCamera.SnapshotAuth.NONE));
        farm.server.createContext("/control/", exchange -> {
            try (exchange) {
                String[] parts = exchange.getRequestURI().getPath().split("/");
                farm.cameras.get(Integer.parseInt(parts[2])).fault(Fault.valueOf(parts[3]));
                exchange.sendResponseHeaders(204, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        System.out.println("READY " + farm.port() + " " + farm.cameras.size());
        Thread.currentThread().join();
    }

    public List<SimulatedCamera> cameras() {
        return cameras;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
