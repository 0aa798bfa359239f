package io.epewatch.demo;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.kernel.ContainerNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts a gate passage every few seconds, cycling through what a real gate sees: declared containers leaving
 * (no warning), trucks coming in, an undeclared container leaving (EXIT_WITHOUT_DECLARATION) and a misread
 * check digit (CONTAINER_NUMBER_INVALID). Goes through the same service as the ingest API.
 */
@Component
@Profile("demo & !command")
@ConditionalOnProperty(name = "epewatch.demo.generate-traffic", havingValue = "true", matchIfMissing = true)
class DemoGateTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoGateTraffic.class);

    private final GateEvents gateEvents;
    private final DemoData data;
    private final Clock clock;
    /** Starts from the clock so that a restarted demo does not send the same containers again. */
    private final AtomicLong tick;

    DemoGateTraffic(GateEvents gateEvents, DemoData data, Clock clock) {
        this.gateEvents = gateEvents;
        this.data = data;
        this.clock = clock;
        this.tick = new AtomicLong(clock.instant().getEpochSecond() / 6 * 6);
    }

    @Scheduled(initialDelayString = "${epewatch.demo.gate-event-interval:5s}", fixedDelayString = "${epewatch.demo.gate-event-interval:5s}")
    void post() {
        if (!data.ready()) {
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
        String serial = String.format("%06d", 100000 + n % 900000);
        return switch ((int) (n % 6)) {
            case 0 -> new GateEventInput(DemoData.EPE_ELECTRONICS, "C01", "OUT", now, DemoData.DECLARED_PLATES.get(0),
                    List.of(DemoData.DECLARED_CONTAINERS.get(n % 12 < 6 ? 0 : 1)));
            case 1 -> new GateEventInput(DemoData.EPE_GARMENTS, "C02", "IN", now, "51D-" + serial.substring(0, 3) + "." + serial.substring(3, 5),
                    List.of(ContainerNumber.withCheckDigit("TGHU" + serial).value()));
            case 2 -> new GateEventInput(DemoData.EPE_ELECTRONICS, "C01", "OUT", now, "51C-" + serial.substring(1, 4) + "." + serial.substring(4),
                    List.of(ContainerNumber.withCheckDigit("CSQU" + serial).value()));
            case 3 -> new GateEventInput(DemoData.EPE_GARMENTS, "C01", "OUT", now, "51D-678.90", List.of(DemoData.DECLARED_CONTAINERS.get(3)));
            case 4 -> new GateEventInput(DemoData.EPE_ELECTRONICS, "C01", "OUT", now, DemoData.DECLARED_PLATES.get(1), List.of());
            default -> new GateEventInput(DemoData.EPE_GARMENTS, "C01", "OUT", now, "29H-" + serial.substring(0, 3) + "." + serial.substring(3, 5),
                    List.of(misread(ContainerNumber.withCheckDigit("MSCU" + serial).value())));
        };
    }

    /** The same number with its check digit read one off, as a dirty door plate gives. */
    private static String misread(String number) {
        int digit = number.charAt(10) - '0';
        return number.substring(0, 10) + (digit + 1) % 10;
    }
}
