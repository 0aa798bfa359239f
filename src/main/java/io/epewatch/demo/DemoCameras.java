package io.epewatch.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.simulator.Fault;
import io.epewatch.simulator.SimulatedCamera;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's cameras: one simulated camera on 127.0.0.1 for each camera on the demo site diagrams, at fixed ports
 * ({@code epewatch.demo.camera-base-port}, two per camera) so their addresses survive a restart. A fault plan breaks
 * a few of them now and then, so the health monitor has something to log: an equipment outage, a black picture, a
 * frozen one, and a whole EPE going dark together (a channel outage, R2.4).
 */
@Component
@Profile("demo & !command")
class DemoCameras {

    static final String USERNAME = "haiquan";
    static final String PASSWORD = "Demo.Camera.2026";
    static final List<String> NUMBERS = List.of("C01", "C02", "C03", "C04", "C05", "C06");
    /** The cameras at gates and storage doors, which gate recognition watches: each has trucks of its own. */
    static final List<String> GATES = List.of("C01", "C02", "C03");
    /** Of those, the ones trucks leave through (C01 out, C03 both ways): their trucks need export declarations. */
    static final List<String> EXITS = List.of("C01", "C03");

    private static final Logger log = LoggerFactory.getLogger(DemoCameras.class);

    /** Minute within each 20-minute round at which a fault starts, and what it is. */
    private record PlannedFault(int fromMinute, int toMinute, String taxCode, List<String> numbers, Fault fault) {
    }

    private static final List<PlannedFault> PLAN = List.of(
            new PlannedFault(1, 5, DemoData.EPE_ELECTRONICS, List.of("C04"), Fault.OFFLINE),
            // a bad picture is confirmed for 2 minutes before it is logged (epewatch.camera.monitor.degraded-confirmation)
            new PlannedFault(5, 10, DemoData.EPE_ELECTRONICS, List.of("C05"), Fault.BLACK),
            new PlannedFault(10, 15, DemoData.EPE_ELECTRONICS, List.of("C03"), Fault.FROZEN),
            new PlannedFault(15, 19, DemoData.EPE_GARMENTS, NUMBERS, Fault.OFFLINE));

    private final Map<String, SimulatedCamera> cameras = new LinkedHashMap<>();
    private final Map<String, DemoVehicles> lanes = new LinkedHashMap<>();
    private final DemoProperties properties;
    private final long started = System.nanoTime();

    DemoCameras(DemoProperties properties) {
        this.properties = properties;
        int port = properties.cameraBasePort();
        List<String> plates = List.of("51C-123.45", "50LD-044.11", "51D-678.90", "61C-246.80", "51C-135.79", "72C-112.23");
        List<String> containers = List.of("MSKU 467069 1", "TEMU 270954 1", "FCIU 597739 4", "DFSU 688905 4", "MSKU 467069 1", "TEMU 270954 1");
        int i = 0;
        for (String taxCode : List.of(DemoData.EPE_ELECTRONICS, DemoData.EPE_GARMENTS)) {
            for (String number : NUMBERS) {
                boolean weak = number.equals("C04");
                SimulatedCamera.Spec spec = SimulatedCamera.Spec.of(number, USERNAME, PASSWORD)
                        .withSize(weak ? 1280 : 1920, weak ? 720 : 1080, weak ? 25 : 30)
                        .showing(plates.get(i % plates.size()), containers.get(i % containers.size()));
                SimulatedCamera camera = port == 0 ? SimulatedCamera.start(spec) : SimulatedCamera.start(spec, port + 2 * i, port + 2 * i + 1);
                if (GATES.contains(number)) {
                    DemoVehicles lane = new DemoVehicles(i);
                    // C03 watches a storage door used both ways (direction BOTH): its trucks come and go
                    camera.drive(number.equals("C03") ? lane.traffic().usedBothWays() : lane.traffic());
                    lanes.put(key(taxCode, number), lane);
                }
                cameras.put(key(taxCode, number), camera);
                i++;
            }
        }
        log.info("Demo: {} simulated cameras on 127.0.0.1{}", cameras.size(), port == 0 ? "" : " ports " + port + "–" + (port + 2 * i - 1));
    }

    SimulatedCamera camera(String taxCode, String number) {
        return cameras.get(key(taxCode, number));
    }

    /** The trucks a gate camera shows; null for a camera that watches no gate. */
    DemoVehicles lane(String taxCode, String number) {
        return lanes.get(key(taxCode, number));
    }

    private static String key(String taxCode, String number) {
        return taxCode + "/" + number;
    }

    /** Applies the fault plan: what should be broken this minute of the 20-minute round, and nothing else. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void followPlan() {
        if (!properties.cameraFaults()) {
            return;
        }
        long minute = Duration.ofNanos(System.nanoTime() - started).toMinutes() % 20;
        Map<String, Fault> wanted = new LinkedHashMap<>();
        for (PlannedFault planned : PLAN) {
            if (minute >= planned.fromMinute() && minute < planned.toMinute()) {
                planned.numbers().forEach(n -> wanted.put(key(planned.taxCode(), n), planned.fault()));
            }
        }
        List<String> changed = new ArrayList<>();
        cameras.forEach((key, camera) -> {
            Fault fault = wanted.getOrDefault(key, Fault.NONE);
            if (camera.fault() != fault) {
                camera.fault(fault);
                changed.add(key + "→" + fault);
            }
        });
        if (!changed.isEmpty()) {
            log.info("Demo camera faults: {}", changed);
        }
    }

    @PreDestroy
    void stop() {
        cameras.values().forEach(SimulatedCamera::close);
    }
}
