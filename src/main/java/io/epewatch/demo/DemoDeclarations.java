package io.epewatch.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.Declarations;
import io.epewatch.simulator.Traffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The EPEs' export declarations for the trucks the demo's gate cameras are about to show, registered 40 minutes
 * before each truck leaves, as a real EPE declares before loading — except the few trucks {@link DemoVehicles} leaves
 * undeclared. Repeating a declaration changes nothing, so this runs every minute over the next ten.
 */
@Component
@Profile("demo & !command")
class DemoDeclarations {

    private static final Logger log = LoggerFactory.getLogger(DemoDeclarations.class);
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final Duration DECLARED_BEFORE = Duration.ofMinutes(40);

    private final DemoCameras cameras;
    private final Declarations declarations;
    private final DemoData data;
    private final Clock clock;

    DemoDeclarations(DemoCameras cameras, Declarations declarations, DemoData data, Clock clock) {
        this.cameras = cameras;
        this.declarations = declarations;
        this.data = data;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 60_000)
    void declareUpcomingTrucks() {
        if (!data.ready()) {
            return;
        }
        Instant now = clock.instant();
        for (String taxCode : List.of(DemoData.EPE_ELECTRONICS, DemoData.EPE_GARMENTS)) {
            for (String number : DemoCameras.EXITS) {
                DemoVehicles lane = cameras.lane(taxCode, number);
                if (lane != null) {
                    declare(taxCode, lane, now);
                }
            }
        }
    }

    private void declare(String taxCode, DemoVehicles lane, Instant now) {
        Traffic traffic = lane.traffic();
        for (long n = traffic.crossingAt(now.minus(traffic.cycle().multipliedBy(2))); n <= traffic.crossingAt(now.plus(AHEAD)); n++) {
            if (!lane.declared(n)) {
                continue;
            }
            try {
                declarations.receive(lane.declaration(taxCode, n, traffic.crossingStarts(n).minus(DECLARED_BEFORE)));
            } catch (RuntimeException e) {
                log.warn("Demo declaration {} refused: {}", lane.declarationNumber(n), e.getMessage());
            }
        }
    }
}
