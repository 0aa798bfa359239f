package io.epewatch.kernel.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tables kept by month (issue 22: gate events, positions, the fact log). Each is a partitioned table with a default
 * partition; at start-up and every night this keeps a partition for every month of the retention window and the three
 * months ahead — moving any rows of a new month out of the default partition — and drops the months wholly past the
 * retention, so retention costs a {@code DROP TABLE}, not millions of deletes. Rows the default partition holds past
 * the retention (times far outside the window) are deleted. Months are Vietnam's calendar months. One instance at a
 * time does it (a database lock per table); what was dropped is recorded ({@link #droppedBefore}). It works as the
 * schema owner, as the migrations do: the application's own role may not create or drop tables.
 */
@Component
public class MonthlyPartitions {

    private static final Logger log = LoggerFactory.getLogger(MonthlyPartitions.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final int MONTHS_AHEAD = 3;

    /** A table kept by month: its name, the time column it is partitioned by, how long its rows are kept. */
    public record Table(String name, String column, Period retention) {

        public Table {
            if (!name.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a table or column name: " + name + "." + column);
            }
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<Table> tables = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumer<Instant>>> followers = new ConcurrentHashMap<>();

    MonthlyPartitions(Database database, Clock clock) {
        DataSource owner = database.ownerConnections();
        this.jdbc = JdbcClient.create(owner);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(owner));
        this.clock = clock;
    }

    /** Keeps {@code table} by month from now on. */
    public void register(Table table) {
        tables.add(table);
    }

    /**
     * What goes with a table's expired rows (a passage's readings and idempotency keys): told the cutoff after each
     * nightly retention, it deletes its own rows from before it.
     */
    public void onRetention(String table, Consumer<Instant> purge) {
        followers.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(purge);
    }

    /** The instant before which the retention dropped the table's rows; empty while it dropped none. */
    public Optional<Instant> droppedBefore(String table) {
        return jdbc.sql("select dropped_before from retention_mark where table_name = ?").param(table)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        maintainAll();
    }

    @Scheduled(cron = "${epewatch.retention.cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        maintainAll();
    }

    void maintainAll() {
        for (Table table : tables) {
            try {
                maintain(table);
            } catch (RuntimeException e) {
                // the default partition keeps taking rows meanwhile: nothing is refused, only kept less tidily
                log.warn("Monthly partitions of {} not maintained now: {}", table.name(), e.getMessage());
            }
        }
    }

    /** Creates the months of the window and ahead, drops those wholly past the retention; returns how many dropped. */
    public int maintain(Table table) {
        LocalDate thisMonth = LocalDate.ofInstant(clock.instant(), VIETNAM).withDayOfMonth(1);
        LocalDate cutoffDay = LocalDate.ofInstant(clock.instant(), VIETNAM).minus(table.retention());
        Instant cutoff = cutoffDay.atStartOfDay(VIETNAM).toInstant();
        Integer dropped = transaction.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('monthly:' || ?))")
                    .param(table.name()).query(Boolean.class).single());
            if (!mine) {
                return 0; // another instance is at it
            }
            for (LocalDate month = cutoffDay.withDayOfMonth(1); !month.isAfter(thisMonth.plusMonths(MONTHS_AHEAD));
                 month = month.plusMonths(1)) {
                ensure(table, month);
            }
            int gone = 0;
            for (String partition : partitions(table)) {
                LocalDate month = LocalDate.parse(partition.substring(partition.length() - 7).replace('_', '-') + "-01");
                if (!month.plusMonths(1).atStartOfDay(VIETNAM).toInstant().isAfter(cutoff)) {
                    jdbc.sql("drop table " + partition).update();
                    gone++;
                    log.info("Retention of {} ({}): month {} dropped", table.name(), table.retention(), month.format(SUFFIX));
                }
            }
            jdbc.sql("delete from " + table.name() + "_default where " + table.column() + " < ?").param(Timestamp.from(cutoff)).update();
            if (gone > 0) {
                jdbc.sql("""
                                insert into retention_mark (table_name, dropped_before) values (?, ?)
                                on conflict (table_name) do update set dropped_before = greatest(retention_mark.dropped_before,
                                    excluded.dropped_before)""")
                        .params(table.name(), Timestamp.from(cutoff)).update();
            }
            return gone;
        });
        followers.getOrDefault(table.name(), List.of()).forEach(purge -> purge.accept(cutoff));
        return dropped == null ? 0 : dropped;
    }

    private void ensure(Table table, LocalDate month) {
        String partition = table.name() + "_" + month.format(SUFFIX);
        if (jdbc.sql("select to_regclass(?) is not null").param(partition).query(Boolean.class).single()) {
            return;
        }
        Timestamp from = Timestamp.from(month.atStartOfDay(VIETNAM).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atStartOfDay(VIETNAM).toInstant());
        String bounds = "for values from ('" + from.toInstant() + "') to ('" + to.toInstant() + "')";
        boolean waiting = jdbc.sql("select exists (select 1 from " + table.name() + "_default where " + table.column()
                + " >= ? and " + table.column() + " < ?)").params(from, to).query(Boolean.class).single();
        if (!waiting) {
            jdbc.sql("create table " + partition + " partition of " + table.name() + " " + bounds).update();
            return;
        }
        // rows of that month arrived before its partition: moved out of the default partition, then attached
        jdbc.sql("create table " + partition + " (like " + table.name() + " including defaults including constraints)").update();
        jdbc.sql("with moved as (delete from " + table.name() + "_default where " + table.column() + " >= ? and "
                + table.column() + " < ? returning *) insert into " + partition + " select * from moved").params(from, to).update();
        jdbc.sql("alter table " + table.name() + " attach partition " + partition + " " + bounds).update();
    }

    private List<String> partitions(Table table) {
        return jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = to_regclass(?) and c.relname ~ '_[0-9]{4}_[0-9]{2}$' order by c.relname""")
                .param(table.name()).query(String.class).list();
    }
}
