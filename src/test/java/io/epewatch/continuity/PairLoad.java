package io.epewatch.continuity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;

/**
 * Declarants registering against a primary/backup pair, for {@link PairFailoverTest} and {@link FailoverBenchmark}:
 * each files and registers, again and again, at one base URL and switches to the other when refused or unanswered,
 * as enterprises' software switches between VNACCS and Ecus6. Every registration answered 200 is kept with who
 * answered it and when.
 */
final class PairLoad implements AutoCloseable {

    /** One registration a declarant was answered 200 for. */
    record Acknowledged(String number, String by, Instant at) {
    }

    private final int primaryPort;
    private final int backupPort;
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong refusals = new AtomicLong();
    private final Map<Integer, Api> sessions = new ConcurrentHashMap<>();
    private final ExecutorService declarants;
    private final List<Future<Void>> load = new ArrayList<>();

    PairLoad(int clients, int primaryPort, int backupPort) {
        this.primaryPort = primaryPort;
        this.backupPort = backupPort;
        this.declarants = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            load.add(declarants.submit(() -> declare(client)));
        }
    }

    /**
     * Waits until {@code instance} ("primary" or "backup") has acknowledged {@code count} registrations, or
     * {@code within} has passed: a test gives the backup its turn by what it did, not by a fixed time that a loaded
     * two-core machine may not honour (the restarted primary's start-up takes both cores).
     */
    void awaitAcknowledged(String instance, int count, java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.stream().filter(a -> a.by().equals(instance)).count() < count && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
    }

    List<Acknowledged> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    long refusals() {
        return refusals.get();
    }

    /** Stops the declarants and reports the first failure any of them met (an answer no outage explains). */
    @Override
    public void close() throws Exception {
        if (!running.getAndSet(false)) {
            return;
        }
        try {
            for (Future<Void> f : load) {
                f.get();
            }
        } finally {
            declarants.shutdownNow();
        }
    }

    private Void declare(int client) throws InterruptedException {
        // the declarant's software is set up with both addresses and signed in at both before anything fails, so the
        // RTO measures the takeover, not fifty password checks at once on the backup
        for (int p : new int[] {backupPort, primaryPort}) {
            for (int attempt = 0; attempt < 5 && !sessions.containsKey(p * 100 + client); attempt++) {
                try {
                    sessions.put(p * 100 + client, new Api(p, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD));
                } catch (RuntimeException busy) {
                    Thread.sleep(200); // a hundred sign-ins at once on two cores: try again
                }
            }
        }
        int port = primaryPort;
        for (int i = 0; running.get(); i++) {
            String by = port == primaryPort ? "primary" : "backup";
            int key = port * 100 + client;
            try {
                Api api = sessions.get(key);
                if (api == null) {
                    api = new Api(port, null).signIn(PairMember.DECLARANT, Fixtures.PASSWORD);
                    sessions.put(key, api);
                }
                Api.Response filed = api.post("/api/v1/clearance/declarations", body("c" + client + "-" + i + "-" + port, client));
                if (filed.status() == 201) {
                    String number = filed.json().get("declaration").get("number").asString();
                    Api.Response registered = api.post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
                    if (registered.status() == 200) {
                        acknowledged.add(new Acknowledged(number, by, Instant.now()));
                        continue;
                    }
                    filed = registered;
                }
                if (filed.status() == 401 || filed.status() == 302 || filed.status() == 403) {
                    sessions.remove(key); // a restarted instance forgot the session: sign in again
                    continue;
                }
                if (filed.status() != 503 && filed.status() != 404) {
                    throw new AssertionError(by + " answered " + filed.status() + ": " + filed.body());
                }
            } catch (RuntimeException unanswered) {
                sessions.remove(key);
            }
            refusals.incrementAndGet();
            port = port == primaryPort ? backupPort : primaryPort;
            Thread.sleep(100);
        }
        return null;
    }

    static Map<String, Object> body(String reference, int client) {
        Map<String, Object> line = new HashMap<>();
        line.put("hsCode", "85423100");
        line.put("description", "Vi mạch tích hợp");
        line.put("quantity", "10");
        line.put("unit", "chiếc");
        line.put("unitPrice", "3.5");
        line.put("origin", "VN");
        Map<String, Object> body = new HashMap<>();
        body.put("direction", "EXPORT");
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", PairMember.TAX_CODE);
        body.put("reference", reference);
        body.put("invoiceNumber", "INV-" + reference);
        body.put("currency", "USD");
        body.put("goods", List.of(line));
        body.put("vehicles", List.of(Map.of("plate", String.format("51C-%03d.%02d", client % 1000, Math.floorMod(reference.hashCode(), 100)))));
        return body;
    }
}
