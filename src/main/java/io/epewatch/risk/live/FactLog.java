package io.epewatch.risk.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.epewatch.risk.engine.Fact;
import io.epewatch.risk.engine.FactCodec;
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

    FactLog(JdbcClient jdbc, FactCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** @return false when the source event was logged in this partition before (a redelivery) */
    boolean append(int part, String sourceKey, Fact fact) {
        return jdbc.sql("""
                        insert into risk_fact (part, source_key, type, occurred_at, body) values (?, ?, ?, ?, ?::jsonb)
                        on conflict (part, source_key) do nothing""")
                .params(part, sourceKey, FactCodec.type(fact), Timestamp.from(fact.at()), codec.write(fact)).update() == 1;
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
                        select part, source_key, type, occurred_at, body from risk_fact_queue where seq = any(?) order by seq
                        on conflict (part, source_key) do nothing
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
