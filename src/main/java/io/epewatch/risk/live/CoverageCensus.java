package io.epewatch.risk.live;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.epewatch.identity.AccessScope;
import io.epewatch.registry.Enterprises;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, and at start, tells the engine every enterprise's coverage (R1.1, R1.3), not only after a change: a gap
 * open for weeks outlives the engine's memory of its warning (its retention, ~8 days), and without a fresh coverage
 * the camera that closes it later would resolve nothing. At start it also brings the coverage of diagrams that were
 * drawn before the rule existed. The same day's coverage is queued once (its source key names the day).
 */
@Component
class CoverageCensus {

    private static final Logger log = LoggerFactory.getLogger(CoverageCensus.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Enterprises enterprises;
    private final FactSources sources;
    private final FactQueue queue;
    private final Clock clock;

    CoverageCensus(Enterprises enterprises, FactSources sources, FactQueue queue, Clock clock) {
        this.enterprises = enterprises;
        this.sources = sources;
        this.queue = queue;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        take();
    }

    @Scheduled(cron = "0 0 6 * * *", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        take();
    }

    /** Queues today's coverage of every enterprise; returns how many. */
    int take() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        int taken = 0;
        for (String taxCode : enterprises.visibleTaxCodes(AccessScope.all()).stream().sorted().toList()) {
            try {
                queue.offer("coverage:" + taxCode + ":day:" + today, sources.coverage(taxCode, now));
                taken++;
            } catch (RuntimeException e) {
                log.warn("Coverage of {} not taken today: {}", taxCode, e.getMessage());
            }
        }
        return taken;
    }
}
