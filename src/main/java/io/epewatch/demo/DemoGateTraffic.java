package io.epewatch.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.declaration.Declarations;
import io.epewatch.simulator.Traffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts a gate passage now and then, for demos without gate recognition (with it, the simulated cameras' trucks are
 * the traffic): mostly declared trucks leaving and trucks coming in, one in thirty leaving undeclared
 * (EXIT_WITHOUT_DECLARATION) and one in forty with a misread check digit (CONTAINER_NUMBER_INVALID) — a real day's mix
 * (issue 15). Goes through the same services as the ingest API.
 */
@Component
@Profile("demo & !command")
@ConditionalOnProperty(name = "epewatch.demo.generate-traffic", havingValue = "true", matchIfMissing = true)
class DemoGateTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoGateTraffic.class);
    /** Lanes of their own, apart from the cameras' (0–11). */
    private static final DemoVehicles ELECTRONICS = new DemoVehicles(20);
    private static final DemoVehicles GARMENTS = new DemoVehicles(21);

    private final GateEvents gateEvents;
    private final Declarations declarations;
    private final DemoData data;
    private final Clock clock;
    private final boolean recognitionWatches;
    /** Starts from the clock so that a restarted demo does not send the same trucks again. */
    private final AtomicLong tick;

    DemoGateTraffic(GateEvents gateEvents, Declarations declarations, DemoData data, Clock clock,
                    io.epewatch.recognition.RecognitionProperties recognition) {
        this.gateEvents = gateEvents;
        this.declarations = declarations;
        this.data = data;
        this.clock = clock;
        this.recognitionWatches = recognition.watch().enabled();
        this.tick = new AtomicLong(clock.instant().getEpochSecond());
    }

    @Scheduled(initialDelayString = "${epewatch.demo.gate-event-interval:60s}", fixedDelayString = "${epewatch.demo.gate-event-interval:60s}")
    void post() {
        if (!data.ready() || recognitionWatches) {
            return;
        }
        long n = tick.getAndIncrement();
        try {
            gateEvents.record(passage(n), null, "demo-generator");
        } catch (RuntimeException e) {
            log.warn("Demo gate passage {} refused: {}", n, e.getMessage());
        }
    }

    private GateEventInput passage(long n) {
        String now = clock.instant().toString();
        boolean electronics = n % 2 == 0;
        String taxCode = electronics ? DemoData.EPE_ELECTRONICS : DemoData.EPE_GARMENTS;
        DemoVehicles lane = electronics ? ELECTRONICS : GARMENTS;
        Traffic.Vehicle vehicle = lane.vehicle(n);
        String container = vehicle.container().replace(" ", "");
        if (n % 3 == 1) {
            return new GateEventInput(taxCode, "C02", "IN", now, vehicle.plate(), List.of(container));
        }
        if (n % 40 == 14) {
            return new GateEventInput(taxCode, "C01", "OUT", now, vehicle.plate(), List.of(misread(container)));
        }
        if (n % 30 != 5) {
            declarations.receive(lane.declaration(taxCode, n, clock.instant().minus(Duration.ofMinutes(40))));
        }
        return new GateEventInput(taxCode, "C01", "OUT", now, vehicle.plate(), List.of(container));
    }

    /** The same number with its check digit read one off, as a dirty door plate gives. */
    private static String misread(String number) {
        int digit = number.charAt(10) - '0';
        return number.substring(0, 10) + (digit + 1) % 10;
    }
}
