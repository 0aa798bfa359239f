package io.epewatch.camera.health;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;
import io.epewatch.EpeWatchApplication;
import io.epewatch.support.Fixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health-monitor benchmark (bench/README.md): N simulated ONVIF cameras in a separate process (a
 * {@link io.epewatch.simulator.CameraFarm}), registered in the real application on its embedded PostgreSQL, probed by
 * the real {@link HealthMonitor}. Reports per N the probe-cycle time, the CPU the application used during the cycle
 * and its heap after the cycles; then the time from one camera going dark to its logbook entry.
 *
 * <p>Run with {@code bench/monitor.sh [N ...]}; not a test, never part of the build's test run.
 */
public final class MonitorBenchmark {

    private static final int FARM_PORT = 18700;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(500, 2000, 5000) : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        int most = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Process farm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), "io.epewatch.simulator.CameraFarm", String.valueOf(FARM_PORT), String.valueOf(most))
                .redirectErrorStream(true).start();
        String ready = new BufferedReader(new InputStreamReader(farm.getInputStream())).readLine();
        System.out.println("farm: " + ready);
        Path dataDir = Files.createTempDirectory("epewatch-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EpeWatchApplication.class, Fixtures.class).run(
                "--server.port=0", "--epewatch.data-dir=" + dataDir, "--logging.file.name=" + dataDir.resolve("bench.log"),
                "--logging.level.io.epewatch.camera.health=WARN",
                "--epewatch.camera.monitor.enabled=false", "--epewatch.recognition.watch.enabled=false",
                "--epewatch.camera.monitor.debounce=10s",
                "--epewatch.camera.monitor.probe-timeout=5s", "--epewatch.camera.allowed-loopback-ports=" + FARM_PORT)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Fixtures fixtures = app.getBean(Fixtures.class);
            HealthMonitor monitor = app.getBean(HealthMonitor.class);
            // only the farm's cameras are probed: the fixtures' own cameras get no address
            int registered = 0;
            List<String> sites = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%8s %12s %12s %12s %12s%n", "cameras", "cycle 1 (s)", "cycle 2 (s)", "CPU (cores)", "heap (MB)");
            for (int size : sizes) {
                while (registered < size) {
                    Fixtures.Site site = fixtures.site();
                    sites.add(site.taxCode());
                    jdbc.sql("update camera set stream_url = null, snapshot_url = null, onvif_url = null where enterprise_id = "
                            + "(select id from enterprise where tax_code = ?)").param(site.taxCode()).update();
                    int batch = Math.min(100, size - registered);
                    for (int i = 0; i < batch; i++, registered++) {
                        jdbc.sql("""
                                        insert into camera (enterprise_id, number, location_id, onvif_url, specs)
                                        select e.id, ?, (select location_id from camera where enterprise_id = e.id and number = 'G1'), ?, '{}'::jsonb
                                        from enterprise e where e.tax_code = ?""")
                                .params(String.format("B%04d", i), "http://127.0.0.1:" + FARM_PORT + "/cam/" + registered + "/onvif/device_service",
                                        site.taxCode())
                                .update();
                    }
                }
                double[] cycles = new double[2];
                double cpu = 0;
                for (int c = 0; c < 2; c++) {
                    Cycle cycle = Cycle.run(monitor);
                    cycles[c] = cycle.seconds();
                    cpu = cycle.cores();
                }
                System.gc();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.out.printf(Locale.ROOT, "%8d %12.2f %12.2f %12.2f %12d%n", size, cycles[0], cycles[1], cpu,
                        memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
            }
            // dark to logbook: the monitor probing on a 5 s interval with a 10 s debounce; camera 0 goes dark
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + FARM_PORT + "/control/0/OFFLINE")).build(),
                    HttpResponse.BodyHandlers.discarding());
            Instant dark = Instant.now();
            Instant logged = null;
            while (logged == null && Duration.between(dark, Instant.now()).toSeconds() < 180) {
                Instant started = Instant.now();
                monitor.probeAll();
                long entries = jdbc.sql("select count(*) from camera_logbook where state = 'OFFLINE' and camera_id = "
                        + "(select id from camera where onvif_url like '%/cam/0/onvif/%')").query(Long.class).single();
                logged = entries > 0 ? Instant.now() : null;
                long pause = 5_000 - Duration.between(started, Instant.now()).toMillis();
                if (logged == null && pause > 0) {
                    Thread.sleep(pause);
                }
            }
            System.out.printf(Locale.ROOT, "dark → logbook entry: %.1f s (interval 5 s, debounce 10 s, %d cameras)%n",
                    logged == null ? Double.NaN : Duration.between(dark, logged).toMillis() / 1000.0, registered);
        } finally {
            farm.destroy();
        }
    }

    /** One probe cycle: wall time and the process CPU it took, as cores (CPU seconds per second). */
    private record Cycle(double seconds, double cores) {
        static Cycle run(HealthMonitor monitor) {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            monitor.probeAll();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Cycle(seconds, (os.getProcessCpuTime() - cpu) / 1e9 / seconds);
        }
    }
}
