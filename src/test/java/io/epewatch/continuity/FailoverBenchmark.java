package io.epewatch.continuity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.support.AppProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failover of the primary/backup pair (R6.1), {@code ROUNDS} times under {@code CLIENTS} declarants: {@code kill -9}
 * the primary, measure the RTO (from the kill to the first registration the backup acknowledged, automatic takeover),
 * let the backup work, start the primary again and measure how long it takes back (from its start to accepting
 * again). Then settles every acknowledged registration
 * ({@link PairAccount}): lost, duplicated, double-accepted, from the wrong series.
 *
 * <p>Run: {@code bench/failover/run [ROUNDS] [CLIENTS]} (default 5 rounds, 50 clients). Last line: one JSON object.
 */
public final class FailoverBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String secret = "pair-secret-for-the-failover-benchmark-0123456789";
        Path primaryDir = Files.createTempDirectory("epewatch-primary");
        Path backupDir = Files.createTempDirectory("epewatch-backup");
        String[] common = {"--epewatch.pair.secret=" + secret, "--epewatch.pair.lease=1s",
                "--epewatch.camera.monitor.enabled=false", "--epewatch.recognition.watch.enabled=false",
                "--epewatch.security.mfa-required-roles=HEAD", "--epewatch.security.max-failed-sign-ins-per-address=100000"};
        int backupPort = AppProcess.freePort();
        String[] primaryArgs = PairInstances.args(common, "--epewatch.pair.peer=http://127.0.0.1:" + backupPort);
        AppProcess primary = AppProcess.start(PairMember.class, primaryDir, "primary", primaryArgs).awaitHealthy(Duration.ofMinutes(3));
        int primaryPort = primary.port();
        List<Long> rtos = new ArrayList<>();
        List<Long> takeBacks = new ArrayList<>();
        try (AppProcess backup = AppProcess.start(PairMember.class, backupPort, backupDir, "backup", PairInstances.args(common,
                "--epewatch.pair.role=BACKUP", "--epewatch.pair.watch-window=1500ms", "--epewatch.pair.takeover=AUTOMATIC"))
                .awaitHealthy(Duration.ofMinutes(3))) {
            PairInstances.awaitState(primaryPort, "ACCEPTING", Duration.ofSeconds(30));
            PairLoad load = new PairLoad(clients, primaryPort, backupPort);
            List<PairLoad.Acknowledged> acks;
            try {
                Thread.sleep(3_000);
                for (int round = 1; round <= rounds; round++) {
                    Instant killed = Instant.now();
                    primary.kill();
                    Instant first = awaitBackupAck(load, killed, Duration.ofSeconds(60));
                    rtos.add(Duration.between(killed, first).toMillis());
                    System.out.printf("round %d: RTO %d ms%n", round, rtos.getLast());
                    Thread.sleep(3_000);
                    primary = AppProcess.start(PairMember.class, primaryPort, primaryDir, "primary", primaryArgs)
                            .awaitHealthy(Duration.ofMinutes(3));
                    Instant up = Instant.now();
                    PairInstances.awaitState(primaryPort, "ACCEPTING", Duration.ofMinutes(5));
                    takeBacks.add(Duration.between(up, Instant.now()).toMillis());
                    System.out.printf("round %d: the primary took back and accepted again %d ms after it started%n", round, takeBacks.getLast());
                    Thread.sleep(3_000);
                }
            } finally {
                load.close();
            }
            acks = load.acknowledged();
            PairAccount account = PairAccount.settle(acks, primaryPort, backupPort);
            account.problems().stream().limit(20).forEach(p -> System.out.println("PROBLEM " + p));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rounds", rounds);
            result.put("clients", clients);
            result.put("rto_ms", rtos);
            result.put("rto_max_ms", rtos.stream().mapToLong(Long::longValue).max().orElse(0));
            result.put("take_back_ms", takeBacks);
            result.put("acknowledged", account.acknowledged());
            result.put("on_backup", account.onBackup());
            result.put("lost", account.lost());
            result.put("duplicated", account.duplicated());
            result.put("double_accepted", account.doubleAccepted());
            result.put("wrong_series", account.wrongSeries());
            result.put("refusals_and_switches", load.refusals());
            result.put("cores", Runtime.getRuntime().availableProcessors());
            System.out.println(JsonMapper.builder().build().writeValueAsString(result));
        } finally {
            primary.close();
        }
    }

    private static Instant awaitBackupAck(PairLoad load, Instant after, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            var first = load.acknowledged().stream().filter(a -> a.by().equals("backup") && a.at().isAfter(after))
                    .map(PairLoad.Acknowledged::at).min(Instant::compareTo);
            if (first.isPresent()) {
                return first.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the backup acknowledged nothing within " + within + " of the kill");
    }
}
