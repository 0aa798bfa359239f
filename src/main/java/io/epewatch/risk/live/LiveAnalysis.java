package io.epewatch.risk.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.WarningRaised;
import io.epewatch.risk.engine.Analysis;
import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.FactCodec;
import io.epewatch.risk.engine.WarningChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine running in the server, around the clock (R4.5). Facts come from the queue in groups, or one at a time
 * (a setting, a watch-list entry); a lock keeps the order the log records. A group or a fact is logged and its
 * warning changes stored in one transaction, committed before the next is read, so the log, the warnings and the
 * engine's memory agree. After a restart — or a failed commit — the memory is
 * rebuilt by replaying the log over the retention window; that replay stores nothing, the warnings are already there.
 */
@Component
public class LiveAnalysis {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalysis.class);

    private final FactLog facts;
    private final FactQueue queue;
    private final FactCodec codec;
    private final WarningStore warnings;
    private final RiskProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private Analysis analysis;

    LiveAnalysis(FactLog facts, FactQueue queue, FactCodec codec, WarningStore warnings, RiskProperties properties,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.facts = facts;
        this.queue = queue;
        this.codec = codec;
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
                if (facts.append(sourceKey, fact)) {
                    apply(engine, fact);
                }
            });
        } catch (RuntimeException e) {
            analysis = null; // memory may hold a fact the log does not: rebuild from the log
            throw e;
        }
    }

    /**
     * Reads the oldest queued facts, at most {@code limit}, in one transaction: logged in queue order, read by the
     * engine in that order, their warnings stored and the queue emptied of them, committed together. A group costs
     * one commit however many facts it holds.
     *
     * @return how many facts were taken from the queue
     */
    synchronized int readQueued(int limit) {
        Analysis engine = loaded();
        try {
            Integer read = transaction.execute(status -> {
                List<FactQueue.Queued> group = queue.oldest(limit);
                if (group.isEmpty()) {
                    return 0;
                }
                Set<String> fresh = facts.appendQueued(group);
                for (FactQueue.Queued queued : group) {
                    if (fresh.contains(queued.sourceKey())) {
                        apply(engine, codec.read(queued.type(), queued.body()));
                    }
                }
                queue.remove(group);
                return group.size();
            });
            return read == null ? 0 : read;
        } catch (RuntimeException e) {
            analysis = null;
            throw e;
        }
    }

    /**
     * Reads the oldest queued fact on its own, after a group holding it failed: if it fails alone too, it is counted
     * against it and the queue moves on (it is tried again at the next start).
     */
    synchronized void readOldestAlone() {
        loaded(); // an engine that cannot load is not the fact's fault
        try {
            readQueued(1);
        } catch (RuntimeException e) {
            if (EngineFeed.databaseTrouble(e)) {
                throw e;
            }
            List<FactQueue.Queued> oldest = queue.oldest(1);
            if (oldest.isEmpty()) {
                throw e;
            }
            log.error("Risk engine could not read fact {} ({}): {}", oldest.getFirst().sourceKey(),
                    oldest.getFirst().type(), e.toString());
            queue.failed(oldest.getFirst(), e.toString());
        }
    }

    private void apply(Analysis engine, Fact fact) {
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
