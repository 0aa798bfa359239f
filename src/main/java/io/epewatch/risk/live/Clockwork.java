package io.epewatch.risk.live;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Brings the wall clock to the engine so timed rules fire when no fact comes (R4.5: around the clock). */
@Component
class Clockwork {

    private final LiveAnalysis analysis;

    Clockwork(LiveAnalysis analysis) {
        this.analysis = analysis;
    }

    @Scheduled(fixedDelayString = "${epewatch.risk.tick-every:PT30S}", initialDelayString = "${epewatch.risk.tick-every:PT30S}")
    void tick() {
        analysis.tick();
    }
}
