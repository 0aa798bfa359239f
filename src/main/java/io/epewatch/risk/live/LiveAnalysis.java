package io.epewatch.risk.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.epewatch.cluster.LeaseLostException;
import io.epewatch.cluster.PartitionListener;
import io.epewatch.cluster.WorkLeases;
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
 * The engine running in the server, around the clock (R4.5), one {@link Analysis} per partition of enterprises that
 * this instance holds (issue 22). Facts come from the partition's queue in groups; a group is logged, read and its
 * warning changes stored in one transaction that first proves the partition is still this instance's
 * ({@link WorkLeases#fence}), committed before the next is read, so a partition's log, its warnings and its engine's
 * memory agree and no two instances ever write for one partition. A partition taken up — at a start, or from an
 * instance that died or gave it back — has its memory rebuilt by replaying its log over the retention window; that
 * replay stores nothing, the warnings are already there.
 */
@Component
public class LiveAnalysis implements PartitionListener {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalysis.class);

    private final FactLog facts;
    private final FactQueue queue;
    private final FactCodec codec;
    private final WarningStore warnings;
    private final RiskProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final WorkLeases leases;
    private final Clock clock;
    private final Map<Integer, Partition> partitions = new ConcurrentHashMap<>();

    LiveAnalysis(FactLog facts, FactQueue queue, FactCodec codec, WarningStore warnings, RiskProperties properties,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions, WorkLeases leases,
                 EnginePartitions enginePartitions, Clock clock) {
        this.facts = facts;
        this.queue = queue;
        this.codec = codec;
        this.warnings = warnings;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.leases = leases;
        this.clock = clock;
        properties.defaults(); // a threshold that cannot be read stops the start, naming it
        if (properties.enabled()) {
            leases.register(EnginePartitions.WORK, enginePartitions.count(), this);
        }
    }

    /**
     * Hands the engine a fact of no source module's (a watch-list entry, thresholds), in the caller's transaction, for
     * the partitions it concerns; a source key queued or logged before is ignored.
     */
    public void accept(String sourceKey, Fact fact) {
        queue.offer(sourceKey, fact);
    }

    @Override
    public void assigned(Set<Integer> parts) {
        for (int part : parts) {
            int again = queue.retryFailed(part);
            if (again > 0) {
                log.info("Risk engine partition {}: {} queued facts that failed before are tried again", part, again);
            }
            partitions.putIfAbsent(part, new Partition(part));
        }
    }

    @Override
    public void revoked(Set<Integer> parts) {
        for (int part : parts) {
            Partition gone = partitions.remove(part);
            if (gone != null) {
                synchronized (gone) {
                    gone.analysis = null; // whoever takes it rebuilds from the log
                }
            }
        }
    }

    /** The partitions this instance reads now. */
    Set<Integer> held() {
        return Set.copyOf(partitions.keySet());
    }

    /**
     * Reads a partition's oldest queued facts, at most {@code limit}, in one transaction: logged in queue order, read
     * by the engine in that order, their warnings stored and the queue emptied of them, committed together.
     *
     * @return how many facts were taken from the queue (0 for a partition no longer held)
     */
    int readQueued(int part, int limit) {
        Partition partition = partitions.get(part);
        if (partition == null) {
            return 0;
        }
        synchronized (partition) {
            Analysis engine = partition.loaded();
            try {
                Integer read = transaction.execute(status -> {
                    leases.fence(EnginePartitions.WORK, part);
                    List<FactQueue.Queued> group = queue.oldest(part, limit);
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
                partition.analysis = null; // memory may hold a fact the log does not: rebuild from the log
                throw e;
            }
        }
    }

    /**
     * Reads a partition's oldest queued fact on its own, after a group holding it failed: if it fails alone too, it
     * is counted against it and the queue moves on (it is tried again when the partition is next taken up).
     */
    void readOldestAlone(int part) {
        Partition partition = partitions.get(part);
        if (partition == null) {
            return;
        }
        synchronized (partition) {
            partition.loaded(); // an engine that cannot load is not the fact's fault
            try {
                readQueued(part, 1);
            } catch (RuntimeException e) {
                if (EngineFeed.databaseTrouble(e) || e instanceof LeaseLostException) {
                    throw e;
                }
                List<FactQueue.Queued> oldest = queue.oldest(part, 1);
                if (oldest.isEmpty()) {
                    throw e;
                }
                log.error("Risk engine could not read fact {} ({}) of partition {}: {}", oldest.getFirst().sourceKey(),
                        oldest.getFirst().type(), part, e.toString());
                queue.failed(oldest.getFirst(), e.toString());
            }
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

    /**
     * Gives each partition held the wall clock when a timed rule waits for it (nights, weekends, holidays); the tick
     * is logged in that partition, so a replay fires the rule at the same point.
     */
    public void tick() {
        Instant now = clock.instant();
        for (Partition partition : partitions.values()) {
            synchronized (partition) {
                if (partitions.get(partition.part) != partition) {
                    continue;
                }
                Analysis engine = partition.loaded();
                if (!engine.dueBy(now)) {
                    continue;
                }
                Fact.Tick tick = new Fact.Tick(now);
                try {
                    transaction.executeWithoutResult(status -> {
                        leases.fence(EnginePartitions.WORK, partition.part);
                        if (facts.append(partition.part, "tick:" + now, tick)) {
                            apply(engine, tick);
                        }
                    });
                } catch (RuntimeException e) {
                    partition.analysis = null;
                    throw e;
                }
            }
        }
    }

    /** How much the engines of this instance hold, summed over its partitions, for metrics. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new HashMap<>();
        for (Partition partition : partitions.values()) {
            synchronized (partition) {
                partition.loaded().sizes().forEach((k, v) -> sizes.merge(k, v, Integer::sum));
            }
        }
        sizes.put("partitions", partitions.size());
        return sizes;
    }

    /** One partition's engine, loaded from its log when first needed; guarded by its own monitor. */
    private final class Partition {
        final int part;
        Analysis analysis;

        Partition(int part) {
            this.part = part;
        }

        Analysis loaded() {
            if (analysis == null) {
                Analysis fresh = new Analysis(properties.defaults());
                Duration window = properties.defaults().retention();
                long[] count = {0};
                facts.replay(part, clock.instant().minus(window), fact -> {
                    fresh.accept(fact);
                    count[0]++;
                });
                log.info("Risk engine partition {} ready: {} facts of the last {} days replayed", part, count[0], window.toDays());
                analysis = fresh;
            }
            return analysis;
        }
    }
}
