package io.epewatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.epewatch.kernel.DataDir;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 22: how instances share partitioned work — two members of this test's own kind of work on the real database,
 * each a {@link WorkLeases} of its own; the application's own member takes part in other kinds only.
 */
@IntegrationTest
class WorkLeasesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** What a member was told: the partitions it holds as it heard of them. */
    private static final class Told implements PartitionListener {
        final Set<Integer> held = ConcurrentHashMap.newKeySet();

        @Override
        public void assigned(Set<Integer> partitions) {
            held.addAll(partitions);
        }

        @Override
        public void revoked(Set<Integer> partitions) {
            held.removeAll(partitions);
        }
    }

    private WorkLeases member(String name, Duration ttl) {
        return new WorkLeases(jdbc, transactions, new ClusterProperties(name, Duration.ofMillis(ttl.toMillis() / 4), ttl),
                new DataDir(Path.of("target/test-data")), "");
    }

    private static String kind() {
        return "test-" + Long.toHexString(System.nanoTime());
    }

    @Test
    @DisplayName("two members share the partitions fairly; when one stops renewing, the other takes its share after the lease")
    void fairShareAndTakeover() throws Exception {
        String kind = kind();
        WorkLeases a = member("a-" + kind, Duration.ofSeconds(2));
        WorkLeases b = member("b-" + kind, Duration.ofSeconds(2));
        Told toldA = new Told();
        Told toldB = new Told();
        a.register(kind, 8, toldA);
        a.beat();
        assertThat(a.owned(kind)).as("alone, a member holds everything").hasSize(8);

        b.register(kind, 8, toldB);
        b.beat(); // b sees two members, a has not given anything back yet
        a.beat(); // a gives back its excess
        b.beat(); // b claims it
        assertThat(a.owned(kind)).hasSize(4);
        assertThat(b.owned(kind)).hasSize(4).doesNotContainAnyElementsOf(a.owned(kind));
        assertThat(toldA.held).isEqualTo(a.owned(kind));
        assertThat(toldB.held).isEqualTo(b.owned(kind));

        Thread.sleep(2_300); // a stops renewing (a pause, a crash)
        b.beat();
        assertThat(b.owned(kind)).as("b takes a's partitions once their leases ran out").hasSize(8);

        a.beat(); // a wakes up: it learns that it lost them
        assertThat(a.owned(kind)).isEmpty();
        assertThat(toldA.held).isEmpty();
    }

    @Test
    @DisplayName("a member that lost a partition cannot write for it: the fence refuses, and a takeover waits for a write under way")
    void theFenceRefusesTheOldHolder() throws Exception {
        String kind = kind();
        WorkLeases a = member("a-" + kind, Duration.ofSeconds(1));
        WorkLeases b = member("b-" + kind, Duration.ofSeconds(1));
        a.register(kind, 1, new Told());
        a.beat();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> a.fence(kind, 0));

        Thread.sleep(1_200);
        b.register(kind, 1, new Told());
        b.beat();
        assertThat(b.owned(kind)).containsExactly(0);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> a.fence(kind, 0)))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining(kind);
        transaction.executeWithoutResult(status -> b.fence(kind, 0));
        assertThatThrownBy(() -> b.fence(kind, 0)).as("a fence outside a transaction protects nothing")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a kind kept in some number of partitions refuses an instance configured for another")
    void thePartitionCountIsTheDatabases() {
        String kind = kind();
        member("a-" + kind, Duration.ofSeconds(2)).register(kind, 4, new Told());
        assertThatThrownBy(() -> member("b-" + kind, Duration.ofSeconds(2)).register(kind, 5, new Told()))
                .hasMessageContaining("kept in 4 partitions").hasMessageContaining("configured for 5");
    }
}
