package io.epewatch.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that each send the next request as soon as the last is answered, for a while; what they measured. A
 * benchmark's load generator, in the benchmark's own process.
 */
public final class HttpLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpLoad() {
    }

    /** The request client number {@code client} sends {@code n}th. */
    public interface Requests {
        HttpRequest next(int client, int n);
    }

    /**
     * @param answered  requests answered 2xx
     * @param errors    the others, by status or exception
     * @param latencies every request's time, sorted, in nanoseconds
     */
    public record Result(long answered, Map<String, Integer> errors, List<Long> latencies, double seconds) {

        public long errorCount() {
            return errors.values().stream().mapToLong(Integer::longValue).sum();
        }

        /** The nearest-rank quantile of request time, in milliseconds. */
        public double ms(double quantile) {
            return latencies.isEmpty() ? 0 : latencies.get(rank(latencies.size(), quantile)) / 1e6;
        }

        public double perSecond() {
            return answered / seconds;
        }
    }

    public static Result run(int clients, Duration length, Requests requests) throws Exception {
        AtomicLong answered = new AtomicLong();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long end = started + length.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int n = 0; System.nanoTime() - end < 0; n++) {
                        HttpRequest request = requests.next(client, n);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() / 100 == 2) {
                                answered.incrementAndGet();
                            } else {
                                errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        }
                        latencies.add(System.nanoTime() - sent);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(answered.get(), Map.copyOf(errors), sorted, seconds);
    }

    /** The nearest rank of {@code quantile} among {@code size} sorted values. */
    public static int rank(int size, double quantile) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(quantile * size) - 1));
    }
}
