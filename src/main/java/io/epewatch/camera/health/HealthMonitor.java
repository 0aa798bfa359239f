package io.epewatch.camera.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import io.epewatch.camera.CameraFleet;
import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.CameraStateChanged;
import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnector;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.connector.Observation;
import io.epewatch.cluster.LeaseLostException;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.SiteDiagram;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Probes every camera on a fixed delay, 24/7, concurrently on virtual threads with bounded parallelism; each probe has
 * its own timeout, so a hung camera never delays the others. Debounced changes go to the status table, the logbook
 * (R1.5) and a {@link CameraStateChanged} event, classified as channel or equipment outage (R2.3, R2.4).
 * Each camera is looked at through its own connector (ONVIF, HTTP snapshot or RTSP); what it shows is judged by
 * {@link QualityCheck} against what the EPE declared. A probe that this process starved — it overlapped a stall of
 * the JVM or ran past its budget — is inconclusive: it is not counted for or against the camera (issue 15).
 */
@Component
class HealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    private final SiteDiagram diagram;
    private final CameraCredentials credentials;
    private final CameraLogbook logbook;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final CameraMonitorProperties properties;
    private final CameraConnectors connectors;
    private final QualityCheck quality;
    private final Clock clock;
    private final CameraFleet fleet;
    private final Map<Long, StateDebounce> states = new ConcurrentHashMap<>();
    private final Map<Long, Stillness> stillness = new ConcurrentHashMap<>();
    private final StallWatch stalls = new StallWatch(Duration.ofMillis(500));

    HealthMonitor(SiteDiagram diagram, CameraCredentials credentials, CameraLogbook logbook, JdbcClient jdbc,
                  ApplicationEventPublisher events, TransactionTemplate transaction, CameraMonitorProperties properties, Clock clock,
                  CameraConnectors connectors, CameraFleet fleet) {
        this.diagram = diagram;
        this.credentials = credentials;
        this.logbook = logbook;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.connectors = connectors;
        this.quality = new QualityCheck(properties.clockSkewLimit(), properties.frozenAfter());
        this.clock = clock;
        this.fleet = fleet;
    }

    @Scheduled(fixedDelayString = "${epewatch.camera.monitor.interval:30s}", initialDelayString = "${epewatch.camera.monitor.interval:30s}")
    void scheduledCycle() {
        if (properties.enabled()) {
            probeAll();
        }
    }

    /** One probe cycle over the cameras this instance looks after (all of them, alone); returns how many were probed. */
    int probeAll() {
        return probe(fleet.mine(diagram.allConnectable()));
    }

    /** Cameras gone to another instance: what is held of them here is stale once they come back. */
    @EventListener
    void on(CameraFleet.CameraFleetChanged change) {
        if (change.lost()) {
            List<Camera> kept = fleet.mine(diagram.allConnectable());
            Set<Long> ids = kept.stream().map(Camera::id).collect(Collectors.toSet());
            states.keySet().removeIf(id -> !ids.contains(id));
            stillness.keySet().removeIf(id -> !ids.contains(id));
        }
    }

    /** One probe of each of these cameras, concurrently; returns how many were probed. */
    int probe(List<Camera> cameras) {
        Semaphore parallel = new Semaphore(properties.concurrency());
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Camera camera : cameras) {
                running.add(executor.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        probe(camera).ifPresent(result -> observe(camera, result));
                    } catch (RuntimeException e) {
                        log.warn("Probe of camera {} of {} failed: {}", camera.number(), camera.enterpriseTaxCode(), e.getMessage());
                    } finally {
                        parallel.release();
                    }
                }));
            }
        }
        return running.size();
    }

    /** What one probe says about the camera; empty when the probe was starved here and says nothing about it. */
    private Optional<ProbeResult> probe(Camera camera) {
        CameraAddress address = CameraAddress.of(camera, credentials.forSystemUse(camera));
        Optional<CameraConnector> connector = connectors.forCamera(address);
        if (connector.isEmpty()) {
            return Optional.of(new ProbeResult(clock.instant(), CameraState.OFFLINE,
                    "NO_CONNECTOR: no ONVIF, snapshot or RTSP address this system can use"));
        }
        long started = System.nanoTime();
        Observation seen;
        try {
            seen = connector.get().observe(address);
        } catch (CameraFailure failure) {
            if (starved(camera, started)) {
                return Optional.empty();
            }
            stillness.remove(camera.id());
            return Optional.of(new ProbeResult(clock.instant(), CameraState.OFFLINE, failure.reason()));
        }
        if (starved(camera, started)) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        Duration stillFor = null;
        if (seen.jpeg() != null) {
            Stillness still = stillness.merge(camera.id(), Stillness.of(seen.jpeg(), at), (before, now) -> before.next(now, at));
            stillFor = still.until(at);
        }
        return Optional.of(quality.judge(at, seen, camera.specs(), stillFor));
    }

    private boolean starved(Camera camera, long startedNanos) {
        long ended = System.nanoTime();
        boolean starved = stalls.stalledDuring(startedNanos, ended) || ended - startedNanos > properties.probeBudget().toNanos();
        if (starved) {
            log.info("Probe of camera {} of {} was starved here ({} ms); not counted", camera.number(), camera.enterpriseTaxCode(),
                    (ended - startedNanos) / 1_000_000);
        }
        return starved;
    }

    @PreDestroy
    void stop() {
        stalls.close();
    }

    private void observe(Camera camera, ProbeResult result) {
        StateDebounce state = states.computeIfAbsent(camera.id(), this::stored);
        Optional<StateDebounce.Change> change;
        boolean confirmed;
        CameraState current;
        synchronized (state) {
            change = state.observe(result);
            confirmed = state.confirmed();
            current = state.current();
        }
        String latestState = result.state().name();
        if (change.isPresent()) {
            try {
                transaction.executeWithoutResult(status -> {
                    fleet.fence(camera); // a camera taken over while this probe ran is the other instance's to log
                    record(camera, change.get());
                });
            } catch (LeaseLostException e) {
                states.remove(camera.id());
                stillness.remove(camera.id());
                log.info("Camera {} of {} went to another instance while probed; its change is theirs to record",
                        camera.number(), camera.enterpriseTaxCode());
                return;
            }
            jdbc.sql("update camera_status set latest_state = ?, latest_reason = ? where camera_id = ?")
                    .params(latestState, result.reason(), camera.id()).update();
        } else if (!confirmed) {
            // a new camera: CHECKING, with what the latest probe found, until its first result is confirmed
            jdbc.sql("""
                            insert into camera_status (camera_id, state, since, reason, checked_at, first_checked_at, latest_state, latest_reason)
                            values (?, 'CHECKING', ?, ?, ?, ?, ?, ?)
                            on conflict (camera_id) do update set reason = excluded.reason, checked_at = excluded.checked_at,
                                latest_state = excluded.latest_state, latest_reason = excluded.latest_reason""")
                    .params(camera.id(), Timestamp.from(result.at()), result.reason(), Timestamp.from(result.at()), Timestamp.from(result.at()),
                            latestState, result.reason())
                    .update();
        } else {
            // every probe leaves its time, so the UI can tell a camera checked a minute ago from one never checked, and
            // what it found, shown beside the debounced state while the two differ; a probe that agrees with the state
            // also renews the state's reason, so what the page says is what the camera does now (issue 20)
            jdbc.sql("""
                            update camera_status set checked_at = ?, latest_state = ?, latest_reason = ?,
                                reason = case when ? then ? else reason end where camera_id = ?""")
                    .params(Timestamp.from(result.at()), latestState, result.reason(), result.state() == current, result.reason(), camera.id())
                    .update();
        }
    }

    private StateDebounce stored(long cameraId) {
        record Stored(String state, String reason) {
        }
        Optional<Stored> row = jdbc.sql("select state, reason from camera_status where camera_id = ?").param(cameraId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
        boolean confirmed = row.isPresent() && !row.get().state().equals("CHECKING");
        // a camera never confirmed is counted as ONLINE by the debounce: its outage is a change like any other
        CameraState state = confirmed ? CameraState.valueOf(row.get().state()) : CameraState.ONLINE;
        return new StateDebounce(state, row.map(Stored::reason).orElse(null), confirmed, properties.debounce(),
                properties.degradedConfirmation());
    }

    private void record(Camera camera, StateDebounce.Change change) {
        // changes of one enterprise are recorded one at a time, so the last camera to fall sees the others down
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(camera.enterpriseTaxCode()).query(Object.class).single();
        if (change.kind() == StateDebounce.Kind.REASON) {
            jdbc.sql("update camera_status set reason = ?, checked_at = ? where camera_id = ?")
                    .params(change.reason(), Timestamp.from(clock.instant()), camera.id()).update();
            logbook.recordReasonChange(camera, change.to(), change.since(), change.reason());
            log.info("Camera {} of {} is still {}, now because: {}", camera.number(), camera.enterpriseTaxCode(), change.to(), change.reason());
            return;
        }
        jdbc.sql("""
                        insert into camera_status (camera_id, state, since, reason, checked_at, first_checked_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (camera_id) do update set state = excluded.state, since = excluded.since,
                            reason = excluded.reason, checked_at = excluded.checked_at""")
                .params(camera.id(), change.to().name(), Timestamp.from(change.since()), change.reason(), Timestamp.from(clock.instant()),
                        Timestamp.from(change.since()))
                .update();
        if (change.kind() == StateDebounce.Kind.CONFIRMED) {
            // the first picture of a new camera: its row says so; nothing for the logbook or incidents (nothing was down)
            log.info("Camera {} of {} confirmed {} ({})", camera.number(), camera.enterpriseTaxCode(), change.to(), change.reason());
            return;
        }
        String outage = null;
        if (change.to() != CameraState.ONLINE) {
            // the enterprise's connected cameras come from the registry; their states are this module's own
            List<Long> connected = diagram.connectable(camera.enterpriseTaxCode()).stream().map(Camera::id).toList();
            Map<Long, CameraState> stored = storedStates(connected);
            List<CameraState> enterprise = connected.stream()
                    .map(id -> stored.getOrDefault(id, CameraState.ONLINE)).toList();
            outage = OutageKind.of(enterprise).name();
        }
        logbook.recordChange(camera, change.to(), change.since(), change.reason(), outage);
        log.info("Camera {} of {} is {} since {} ({})", camera.number(), camera.enterpriseTaxCode(), change.to(), change.since(), change.reason());
        events.publishEvent(new CameraStateChanged(camera.id(), camera.enterpriseTaxCode(), camera.number(), change.from(),
                change.to(), change.since(), change.reason(), outage));
    }

    private Map<Long, CameraState> storedStates(List<Long> cameraIds) {
        Map<Long, CameraState> states = new HashMap<>();
        if (!cameraIds.isEmpty()) {
            jdbc.sql("select camera_id, state from camera_status where camera_id in (:ids) and state <> 'CHECKING'").param("ids", cameraIds)
                    .query((rs, n) -> states.put(rs.getLong(1), CameraState.valueOf(rs.getString(2)))).list();
        }
        return states;
    }

}
