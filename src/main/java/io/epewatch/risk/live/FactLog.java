package io.epewatch.risk.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.epewatch.kernel.database.MonthlyPartitions;
import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.FactCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts the engine read, in the order it read them ({@code risk_fact}). Appending is idempotent per source event;
 * reading it back in order is a replay.
 */
@Component
class FactLog {

    private final JdbcClient jdbc;
    private final FactCodec codec;
    private final MonthlyPartitions partitions;

    FactLog(JdbcClient jdbc, FactCodec codec, MonthlyPartitions partitions,
            @Value("${epewatch.retention.facts:P12M}") Period retention) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.partitions = partitions;
        if (retention.toTotalMonths() < 1) {
            // the engine rebuilds its memory from the last days of the log: a month keeps that and a replay worth having
            throw new IllegalArgumentException("epewatch.retention.facts is " + retention + "; keep the fact log at least a month (P1M)");
        }
        partitions.register(new MonthlyPartitions.Table("risk_fact", "logged_at", retention));
    }

    /** The instant before which the retention dropped facts; empty while the log is whole. */
    Optional<Instant> trimmedBefore() {
        return partitions.droppedBefore("risk_fact");
    }

    /**
     * @return false when the source event was logged in this partition before (a redelivery). The log is partitioned
     * by month, so a source key cannot be unique in it: the partition's one writer (its lease holder) looks it up.
     */
    boolean append(int part, String sourceKey, Fact fact) {
        return jdbc.sql("""
                        insert into risk_fact (part, source_key, type, occurred_at, body)
                        select ?, ?, ?, ?, ?::jsonb where not exists (select 1 from risk_fact where part = ? and source_key = ?)""")
                .params(part, sourceKey, FactCodec.type(fact), Timestamp.from(fact.at()), codec.write(fact), part, sourceKey)
                .update() == 1;
    }

    /**
     * Logs queued facts in queue order, each after the ones before it (the engine reads them in this order); the
     * body is copied inside the database, not sent again.
     *
     * @return the source keys logged now; the others were logged before (a source event redelivered)
     */
    Set<String> appendQueued(List<FactQueue.Queued> queued) {
        return new HashSet<>(jdbc.sql("""
                        insert into risk_fact (part, source_key, type, occurred_at, body)
                        select q.part, q.source_key, q.type, q.occurred_at, q.body from risk_fact_queue q
                        where q.seq = any(?) and not exists
                            (select 1 from risk_fact f where f.part = q.part and f.source_key = q.source_key)
                        order by q.seq
                        returning source_key""")
                .param(FactQueue.seqs(queued)).query(String.class).list());
    }

    /**
     * Every fact of a partition in log order that happened at or after {@code from}, and every watch-list entry and
     * setting whatever its age (they stay in force until changed).
     */
    void replay(int part, Instant from, Consumer<Fact> reader) {
        jdbc.sql("""
                        select type, body::text as body from risk_fact
                        where part = ? and (occurred_at >= ? or type in ('Watch', 'Settings')) order by seq""")
                .params(part, Timestamp.from(from))
                .query((rs, n) -> codec.read(rs.getString("type"), rs.getString("body")))
                .list().forEach(reader);
    }

    long size() {
        return jdbc.sql("select count(*) from risk_fact").query(Long.class).single();
    }
}
