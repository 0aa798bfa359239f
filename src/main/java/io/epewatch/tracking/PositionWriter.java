package io.epewatch.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One writer for all positions: requests hand their fixes over and wait; the writer stores what has gathered while
 * it wrote the previous batch (up to a few thousand) in one transaction — a group commit: no waiting when idle,
 * bigger batches under load — leaves duplicates out, and announces the new ones in one event.
 * Few large writes instead of many small ones is what carries thousands of trackers on one node; and one writer
 * keeps the order the fixes were stored in the order they are announced.
 */
@Component
class PositionWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);
    private static final int MAX_WRITE = 5_000;

    /** Fixes of one request, and how many of them were new once stored. */
    private record Pending(List<Position> positions, CompletableFuture<Integer> stored) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(10_000);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Trips trips;
    private final Clock clock;
    private final Thread writer;
    private volatile boolean running = true;

    PositionWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events, Trips trips,
                   Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.trips = trips;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("position-writer").daemon().start(this::run);
    }

    /** Stores the fixes; completes with how many were new (the others were duplicates). */
    CompletableFuture<Integer> write(List<Position> positions) {
        CompletableFuture<Integer> stored = new CompletableFuture<>();
        if (!running) {
            stored.completeExceptionally(new IllegalStateException("shutting down"));
        } else if (!queue.offer(new Pending(positions, stored))) {
            stored.completeExceptionally(new IllegalStateException("position writer overloaded"));
        }
        return stored;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = first.positions().size();
                while (size < MAX_WRITE) {
                    Pending next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += next.positions().size();
                }
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Storing {} position request(s) failed: {}", batch.size(), e.toString());
                batch.forEach(p -> p.stored().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void store(List<Pending> batch) {
        List<Position> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.positions()));
        Timestamp now = Timestamp.from(clock.instant());
        int[] counts = transaction.execute(status -> {
            long batchId = jdbc.queryForObject("select nextval('position_batch')", Long.class);
            int[][] written = jdbc.batchUpdate("""
                            insert into vehicle_position (plate, at, lat, lon, speed_kmh, heading, source, zone, received_at, batch)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", all, 1_000, (ps, p) -> {
                ps.setString(1, p.plate());
                ps.setTimestamp(2, Timestamp.from(p.at()));
                ps.setDouble(3, p.lat());
                ps.setDouble(4, p.lon());
                ps.setFloat(5, p.speedKmh());
                ps.setFloat(6, p.heading());
                ps.setString(7, p.source());
                ps.setString(8, p.zone());
                ps.setTimestamp(9, now);
                ps.setLong(10, batchId);
            });
            int[] flat = new int[all.size()];
            int k = 0;
            for (int[] chunk : written) {
                for (int c : chunk) {
                    flat[k++] = c;
                }
            }
            List<Position> fresh = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (flat[i] != 0) {
                    fresh.add(all.get(i));
                }
            }
            if (!fresh.isEmpty()) {
                events.publishEvent(new PositionsRecorded(batchId, fresh.size()));
                trips.arrivals(fresh);
            }
            return flat;
        });
        int offset = 0;
        for (Pending pending : batch) {
            int fresh = 0;
            for (int i = 0; i < pending.positions().size(); i++) {
                fresh += counts[offset + i] != 0 ? 1 : 0;
            }
            offset += pending.positions().size();
            pending.stored().complete(fresh);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
