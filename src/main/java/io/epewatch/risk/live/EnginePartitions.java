package io.epewatch.risk.live;

import java.util.stream.IntStream;

import io.epewatch.cluster.Partitioning;
import io.epewatch.risk.RiskProperties;
import io.epewatch.risk.engine.Fact;
import org.springframework.stereotype.Component;

/**
 * Which partitions of the engine a fact goes to (issue 22). Rules judge one enterprise at a time, so an enterprise's
 * facts — passages, papers, camera states, trips, its thresholds — go to its partition, where they are read in the
 * order they were queued. A watch-list entry concerns every enterprise: it goes to all. A batch of positions is split
 * by {@link FactSources} among the partitions whose trips follow its vehicles; a tick is given by each partition's
 * holder.
 */
@Component
class EnginePartitions {

    /** The kind of work leased partition by partition. */
    static final String WORK = "risk-engine";

    private final int count;

    EnginePartitions(RiskProperties properties) {
        this.count = properties.partitions();
        if (count < 1 || count > 1024) {
            throw new IllegalArgumentException("epewatch.risk.partitions must be 1 to 1024, not " + count);
        }
    }

    int count() {
        return count;
    }

    int of(String enterprise) {
        return Partitioning.of(enterprise, count);
    }

    int[] of(Fact fact) {
        return switch (fact) {
            case Fact.Passage p -> one(p.enterprise());
            case Fact.Declared d -> one(d.enterprise());
            case Fact.Manifested m -> one(m.enterprise());
            case Fact.Note n -> one(n.enterprise());
            case Fact.AreaPassage a -> one(a.enterprise());
            case Fact.CameraStatus c -> one(c.enterprise());
            case Fact.Coverage c -> one(c.enterprise());
            case Fact.Trip t -> one(t.enterprise());
            case Fact.Settings s -> one(s.enterprise());
            case Fact.Watch w -> IntStream.range(0, count).toArray();
            case Fact.Fix f -> throw new IllegalArgumentException("a position travels in a batch");
            case Fact.Fixes f -> throw new IllegalArgumentException("a batch of positions is split by the trips that follow its vehicles");
            case Fact.Tick t -> throw new IllegalArgumentException("a tick is given by each partition's holder");
        };
    }

    private int[] one(String enterprise) {
        return new int[]{of(enterprise)};
    }
}
