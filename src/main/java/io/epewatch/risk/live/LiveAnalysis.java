package io.epewatch.risk.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.WarningRaised;
import io.epewatch.risk.engine.Analysis;
import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.WarningChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine running in the server, around the clock (R4.5). Facts come one at a time (a lock keeps the order the log
 * records); each is logged and its warning changes stored in one transaction, committed before the next fact is
 * read, so the log, the warnings and the engine's memory agree. After a restart — or a failed commit — the memory is
 * rebuilt by replaying the log over the retention window; that replay stores nothing, the warnings are already there.
 */
@Component
public class LiveAnalysis {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalysis.class);

    private final FactLog facts;
    private final WarningStore warnings;
    private final RiskProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private Analysis analysis;

    LiveAnalysis(FactLog facts, WarningStore warnings, RiskProperties properties, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions, Clock clock) {
        this.facts = facts;
        this.warnings = warnings;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        properties.defaults(); // a threshold that cannot be read stops the start, naming it
    }

    /** Reads one fact; a source event seen before is ignored. */
    public synchronized void accept(String sourceKey, Fact fact) {
        Analysis engine = loaded();
        try {
            transaction.executeWithoutResult(status -> {
                if (!facts.append(sourceKey, fact)) {
                    return;
                }
                Instant now = clock.instant();
                for (WarningChange change : engine.accept(fact)) {
                    warnings.apply(change, now).ifPresent(id -> {
                        WarningChange.Raised r = (WarningChange.Raised) change;
                        // published in the transaction that stores the warning: a transactional listener (the live
                        // stream, any module's) hears it once it is committed, and never of one rolled back
                        events.publishEvent(new WarningRaised(id, r.finding().rule(), r.finding().enterprise()));
                        log.info("Warning {} {} at {}: {}", id, r.finding().rule(), r.finding().enterprise(),
                                r.finding().english());
                    });
                }
            });
        } catch (RuntimeException e) {
            analysis = null; // memory may hold a fact the log does not: rebuild from the log
            throw e;
        }
    }

    /** Gives the engine the wall clock when a timed rule waits for it (nights, weekends, holidays). */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (loaded().dueBy(now)) {
            accept("tick:" + now, new Fact.Tick(now));
        }
    }

    /** How much the engine holds, for metrics. */
    public synchronized java.util.Map<String, Integer> sizes() {
        return loaded().sizes();
    }

    private Analysis loaded() {
        if (analysis == null) {
            Analysis fresh = new Analysis(properties.defaults());
            Duration window = properties.defaults().retention();
            long[] count = {0};
            facts.replay(clock.instant().minus(window), fact -> {
                fresh.accept(fact);
                count[0]++;
            });
            log.info("Risk engine ready: {} facts of the last {} days replayed", count[0], window.toDays());
            analysis = fresh;
        }
        return analysis;
    }
}
