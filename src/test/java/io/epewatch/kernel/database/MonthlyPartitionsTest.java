package io.epewatch.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 22: tables kept by month, with retention dropping whole months. */
@IntegrationTest
class MonthlyPartitionsTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Database database;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("gate events, positions and the fact log are kept in monthly partitions from the first start")
    void theBigTablesArePartitionedByMonth() {
        String thisMonth = LocalDate.now(VIETNAM).toString().substring(0, 7).replace('-', '_');
        for (String table : List.of("gate_event", "vehicle_position", "risk_fact")) {
            assertThat(partitions(jdbc, table)).as(table).contains(table + "_" + thisMonth, table + "_default");
        }
    }

    @Test
    @DisplayName("months are created ahead and for the window, rows move out of the default partition, expired months are dropped whole")
    void retentionDropsWholeMonths() {
        JdbcClient owner = JdbcClient.create(database.ownerConnections());
        owner.sql("drop table if exists monthly_probe").update();
        owner.sql("create table monthly_probe (id bigserial, at timestamptz not null, primary key (id, at)) partition by range (at)").update();
        owner.sql("create table monthly_probe_default partition of monthly_probe default").update();
        Instant now = LocalDate.of(2026, 12, 5).atTime(10, 0).atZone(VIETNAM).toInstant();
        for (Instant at : List.of(now.minus(Period.ofDays(430)), now.minus(Period.ofDays(90)), now, now.plus(Period.ofDays(10)),
                now.plus(Period.ofDays(5 * 365)))) {
            owner.sql("insert into monthly_probe (at) values (?)").param(Timestamp.from(at)).update();
        }
        MonthlyPartitions.Table probe = new MonthlyPartitions.Table("monthly_probe", "at", Period.ofMonths(12));

        new MonthlyPartitions(database, Clock.fixed(now, ZoneOffset.UTC)).maintain(probe);

        assertThat(partitions(owner, "monthly_probe")).contains("monthly_probe_2025_12", "monthly_probe_2026_09",
                "monthly_probe_2026_12", "monthly_probe_2027_03").doesNotContain("monthly_probe_2027_04");
        assertThat(count(owner, "monthly_probe_2026_09")).as("the row of three months ago moved out of the default").isOne();
        assertThat(count(owner, "monthly_probe_default")).as("only the row five years ahead waits there; the one past retention is gone")
                .isOne();
        assertThat(count(owner, "monthly_probe")).isEqualTo(4);

        Instant later = now.plus(Period.ofDays(400));
        int dropped = new MonthlyPartitions(database, Clock.fixed(later, ZoneOffset.UTC)).maintain(probe);

        assertThat(dropped).as("the months wholly past twelve months").isGreaterThanOrEqualTo(12);
        assertThat(partitions(owner, "monthly_probe")).doesNotContain("monthly_probe_2026_09", "monthly_probe_2026_12")
                .contains("monthly_probe_2027_01");
        assertThat(count(owner, "monthly_probe")).as("the rows of the dropped months are gone; the one five years ahead stays").isOne();
        assertThat(new MonthlyPartitions(database, Clock.systemUTC()).droppedBefore("monthly_probe")).isPresent();
        owner.sql("drop table monthly_probe").update();
        owner.sql("delete from retention_mark where table_name = 'monthly_probe'").update();
    }

    private static List<String> partitions(JdbcClient db, String table) {
        return db.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = to_regclass(?) order by c.relname""").param(table).query(String.class).list();
    }

    private static long count(JdbcClient db, String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }
}
