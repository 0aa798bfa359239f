package io.epewatch.risk.live;

import java.sql.Timestamp;
import java.util.List;

import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.FactCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Facts waiting for the engine ({@code risk_fact_queue}). A source module's event is queued in the transaction that
 * records it, so the fact is durable exactly when its source is — a crash loses neither or both — and the engine's
 * reader is woken once that transaction commits.
 */
@Component
class FactQueue {

    /** Failed reads of one fact on its own before it waits for the next start. */
    static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final FactCodec codec;
    private final FactsQueued queued;
    private final EnginePartitions partitions;

    FactQueue(JdbcClient jdbc, FactCodec codec, FactsQueued queued, EnginePartitions partitions) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.queued = queued;
        this.partitions = partitions;
    }

    /**
     * Queues a fact in the caller's transaction, for the partitions it concerns; a source event queued or logged
     * before is left alone.
     */
    void offer(String sourceKey, Fact fact) {
        offer(sourceKey, fact, partitions.of(fact));
    }

    /** Queues a fact for these partitions (a batch of positions, split by {@link FactSources}). */
    void offer(String sourceKey, Fact fact, int... parts) {
        String body = codec.write(fact);
        for (int part : parts) {
            jdbc.sql("""
                            insert into risk_fact_queue (part, source_key, type, occurred_at, body) values (?, ?, ?, ?, ?::jsonb)
                            on conflict (part, source_key) do nothing""")
                    .params(part, sourceKey, FactCodec.type(fact), Timestamp.from(fact.at()), body).update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queued.signal();
                }
            });
        } else {
            queued.signal();
        }
    }

    /** The oldest facts waiting for a partition, in queue order, at most {@code limit}. */
    List<Queued> oldest(int part, int limit) {
        return jdbc.sql("""
                        select seq, source_key, type, body::text as body from risk_fact_queue
                        where part = ? and attempts < ? order by seq limit ?""")
                .params(part, ATTEMPTS, limit)
                .query((rs, n) -> new Queued(rs.getLong("seq"), rs.getString("source_key"), rs.getString("type"),
                        rs.getString("body")))
                .list();
    }

    void remove(List<Queued> read) {
        jdbc.sql("delete from risk_fact_queue where seq = any(?)").param(seqs(read)).update();
    }

    /** One fact could not be read on its own: counted, so that it does not block the others for ever. */
    void failed(Queued fact, String error) {
        jdbc.sql("update risk_fact_queue set attempts = attempts + 1, last_error = ? where seq = ?")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, fact.seq()).update();
    }

    /**
     * When a partition is taken up (at a start, or from another instance) its waiting facts get their attempts back,
     * as Spring Modulith resubmits failed events.
     */
    int retryFailed(int part) {
        return jdbc.sql("update risk_fact_queue set attempts = 0 where part = ? and attempts > 0").param(part).update();
    }

    static Long[] seqs(List<Queued> facts) {
        return facts.stream().map(Queued::seq).toArray(Long[]::new);
    }

    /** A fact as queued: its body is decoded when the engine reads it. */
    record Queued(long seq, String sourceKey, String type, String body) {
    }
}
