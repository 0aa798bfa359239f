package io.epewatch.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.epewatch.kernel.DataDir;
import io.epewatch.kernel.InstanceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leases of partitioned work ({@code work_lease}) and the members holding them ({@code cluster_member}). Every
 * heartbeat this instance renews what it holds, gives back what exceeds its fair share (the partitions divided by the
 * live members, rounded up) and claims free or expired partitions up to that share. Claiming raises the partition's
 * epoch; {@link #fence} in a writer's transaction takes a share lock on the lease row with the epoch this instance
 * claimed, so a takeover waits for a write under way and a write after it is refused. Times are the database's, so
 * the members' clocks need not agree.
 */
@Component
public class WorkLeases implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkLeases.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClusterProperties properties;
    private final String self;
    private final String host;
    private final List<Kind> kinds = new CopyOnWriteArrayList<>();
    /** A command (replay, create-admin …) reads and writes the database but takes no share of the work. */
    private final boolean member;
    private volatile boolean running;
    private Thread heartbeat;

    WorkLeases(JdbcClient jdbc, PlatformTransactionManager transactions, ClusterProperties properties, DataDir dataDir,
               @Value("${epewatch.command:}") String command) {
        this.jdbc = jdbc;
        this.member = command.isBlank();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.host = InstanceName.host();
        this.self = InstanceName.of(properties.instanceId(), dataDir.root());
    }

    /** This instance's name among the members. */
    public String self() {
        return self;
    }

    /**
     * Shares a kind of work in {@code partitions} partitions; the listener hears what this instance gains and loses.
     * The count is kept with the leases: the same kind registered with another count is refused, since the work's data
     * (the fact log) is kept by partition.
     */
    public void register(String kind, int partitions, PartitionListener listener) {
        if (partitions < 1 || partitions > 4096) {
            throw new IllegalArgumentException(kind + ": partitions must be 1 to 4096, not " + partitions);
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('work_lease:' || ?))").param(kind).query(Object.class).single();
            Integer existing = jdbc.sql("select count(*) from work_lease where kind = ?").param(kind).query(Integer.class).single();
            if (existing != 0 && existing != partitions) {
                throw new IllegalStateException("The " + kind + " work is kept in " + existing + " partitions in this database; "
                        + "this instance is configured for " + partitions + ". Every instance must use " + existing + ".");
            }
            jdbc.sql("""
                            insert into work_lease (kind, part) select ?, p from generate_series(0, ? - 1) p
                            on conflict do nothing""").params(kind, partitions).update();
        });
        kinds.add(new Kind(kind, partitions, listener));
        if (running) {
            beat();
        }
    }

    /** The kinds of work shared in this database. */
    public List<String> kinds() {
        return jdbc.sql("select distinct kind from work_lease order by kind").query(String.class).list();
    }

    /** The partitions of a kind this instance holds now. */
    public Set<Integer> owned(String kind) {
        return kinds.stream().filter(k -> k.name.equals(kind)).findFirst()
                .map(k -> (Set<Integer>) new TreeSet<>(k.held.keySet())).orElse(Set.of());
    }

    public boolean owns(String kind, int partition) {
        return kinds.stream().anyMatch(k -> k.name.equals(kind) && k.held.containsKey(partition));
    }

    /**
     * In the caller's transaction: proves this instance still holds the partition and keeps a takeover waiting until
     * the transaction ends.
     *
     * @throws LeaseLostException when another member took it over
     */
    public void fence(String kind, int partition) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a fence protects a transaction's writes: call it inside one");
        }
        Long epoch = kinds.stream().filter(k -> k.name.equals(kind)).findFirst().map(k -> k.held.get(partition)).orElse(null);
        boolean held = epoch != null && jdbc.sql("""
                        select 1 from work_lease where kind = ? and part = ? and owner = ? and epoch = ? for share""")
                .params(kind, partition, self, epoch).query(Integer.class).optional().isPresent();
        if (!held) {
            throw new LeaseLostException(kind, partition);
        }
    }

    /** Every member seen in the last hour, alive or not, for the status page. */
    public List<Member> members() {
        return jdbc.sql("""
                        select id, host, started_at, heartbeat_at, heartbeat_at > now() - ? * interval '1 millisecond' as alive
                        from cluster_member order by id""")
                .param(properties.leaseTtl().toMillis())
                .query((rs, n) -> new Member(rs.getString("id"), rs.getString("host"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("heartbeat_at").toInstant(), rs.getBoolean("alive")))
                .list();
    }

    /** Who holds each partition of a kind (null: nobody, between an owner and the next). */
    public Map<Integer, String> holders(String kind) {
        Map<Integer, String> holders = new TreeMap<>();
        jdbc.sql("select part, case when expires_at > now() then owner end as owner from work_lease where kind = ?")
                .param(kind).query((rs, n) -> holders.put(rs.getInt(1), rs.getString(2))).list();
        return holders;
    }

    @Override
    public boolean isAutoStartup() {
        return member;
    }

    @Override
    public void start() {
        running = true;
        beat(); // alone, this instance holds everything before the work starts
        heartbeat = Thread.ofPlatform().name("cluster-heartbeat").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(properties.heartbeat());
                    beat();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the database away: leases held run out unless renewed, and the writes they fence stop with them
                    log.warn("Cluster heartbeat failed: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        // an orderly stop hands the partitions over at once instead of after the lease's time
        for (Kind kind : kinds) {
            Set<Integer> held = new TreeSet<>(kind.held.keySet());
            if (!held.isEmpty()) {
                kind.held.clear();
                kind.listener.revoked(held);
                try {
                    jdbc.sql("update work_lease set owner = null, expires_at = now() where kind = ? and owner = ?")
                            .params(kind.name, self).update();
                } catch (RuntimeException e) {
                    log.info("Leases of {} not given back ({}); they expire by themselves", kind.name, e.getMessage());
                }
            }
        }
        try {
            jdbc.sql("update cluster_member set heartbeat_at = now() - interval '1 day' where id = ?").param(self).update();
        } catch (RuntimeException e) {
            // the database away at the stop: the member ages out by itself
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // started before, and stopped after, the work it shares (the engine's feed, the monitors)
        return Integer.MIN_VALUE + 1000;
    }

    /**
     * One heartbeat: say alive (and which kinds of work this instance takes part in), then for each kind renew, give
     * back the excess and claim up to the fair share among the live members taking part in it.
     */
    synchronized void beat() {
        long ttl = properties.leaseTtl().toMillis();
        String[] names = kinds.stream().map(k -> k.name).toArray(String[]::new);
        Map<String, Integer> live = new HashMap<>();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into cluster_member (id, host, started_at, heartbeat_at, kinds) values (?, ?, now(), now(), ?)
                            on conflict (id) do update set host = excluded.host, heartbeat_at = now(), kinds = excluded.kinds,
                                started_at = case when cluster_member.heartbeat_at < now() - ? * interval '1 millisecond'
                                    then now() else cluster_member.started_at end""")
                    .params(self, host, names, ttl).update();
            jdbc.sql("delete from cluster_member where heartbeat_at < now() - interval '1 hour'").update();
            jdbc.sql("""
                            select kind, count(*) from cluster_member, unnest(kinds) kind
                            where heartbeat_at > now() - ? * interval '1 millisecond' group by kind""")
                    .param(ttl).query((rs, n) -> live.put(rs.getString(1), rs.getInt(2))).list();
        });
        for (Kind kind : kinds) {
            share(kind, Math.max(live.getOrDefault(kind.name, 1), 1), ttl);
        }
    }

    private void share(Kind kind, int live, long ttl) {
        // renew what this instance believes it holds; what it no longer finds was taken over
        Map<Integer, Long> renewed = new HashMap<>();
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        update work_lease set expires_at = now() + ? * interval '1 millisecond'
                        where kind = ? and owner = ? returning part, epoch""")
                .params(ttl, kind.name, self)
                .query((rs, n) -> renewed.put(rs.getInt(1), rs.getLong(2))).list());
        Set<Integer> lost = new TreeSet<>();
        kind.held.forEach((part, epoch) -> {
            if (!epoch.equals(renewed.get(part))) {
                lost.add(part);
            }
        });
        if (!lost.isEmpty()) {
            log.warn("{} partitions {} were taken over by another instance", kind.name, lost);
            lost.forEach(kind.held::remove);
            kind.listener.revoked(lost);
        }
        // a row still naming this instance that it does not hold (a restart under the same name) is claimed again below
        int share = (kind.partitions + live - 1) / live;
        if (kind.held.size() > share) {
            Set<Integer> excess = new TreeSet<>(kind.held.keySet().stream().sorted(Comparator.reverseOrder())
                    .limit(kind.held.size() - share).toList());
            excess.forEach(kind.held::remove);
            kind.listener.revoked(excess);
            transaction.executeWithoutResult(status -> jdbc.sql("""
                            update work_lease set owner = null, expires_at = now() where kind = ? and owner = ? and part = any(?)""")
                    .params(kind.name, self, excess.toArray(Integer[]::new)).update());
            log.info("{} partitions {} given back: {} members share {}", kind.name, excess, live, kind.partitions);
        }
        int wanted = share - kind.held.size();
        if (wanted > 0) {
            Map<Integer, Long> claimed = new TreeMap<>();
            transaction.executeWithoutResult(status -> jdbc.sql("""
                            update work_lease set owner = ?, epoch = epoch + 1, expires_at = now() + ? * interval '1 millisecond'
                            where kind = ? and part in (
                                select part from work_lease where kind = ?
                                  and (owner is null or expires_at < now() or owner = ? and not part = any(?))
                                order by part limit ? for update skip locked)
                            returning part, epoch""")
                    .params(self, ttl, kind.name, kind.name, self, kind.held.keySet().toArray(Integer[]::new), wanted)
                    .query((rs, n) -> claimed.put(rs.getInt(1), rs.getLong(2))).list());
            if (!claimed.isEmpty()) {
                kind.held.putAll(claimed);
                log.info("{} partitions {} are now this instance's ({})", kind.name, claimed.keySet(), self);
                kind.listener.assigned(claimed.keySet());
            }
        }
    }

    /** A kind of work: its partitions, and the epochs of those this instance holds. */
    private static final class Kind {
        final String name;
        final int partitions;
        final PartitionListener listener;
        final Map<Integer, Long> held = new ConcurrentHashMap<>();

        Kind(String name, int partitions, PartitionListener listener) {
            this.name = name;
            this.partitions = partitions;
            this.listener = listener;
        }
    }

}
