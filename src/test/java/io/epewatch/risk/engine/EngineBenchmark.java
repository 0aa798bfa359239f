package io.epewatch.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.epewatch.kernel.ContainerNumber;

/**
 * Sustained throughput and latency of the rule engine in-process, on a realistic mix: 1,000 EPEs, 50,000 trucks
 * sending positions every 15 s (3,333/s), gate passages (hundreds per EPE per day: 3.5/s), declarations (35,000 a
 * day: 0.4/s), warehouse notes, trips starting and arriving, camera outages — in those proportions.
 * Facts are generated in chunks before the timed loop, so only {@link Analysis#accept} is timed.
 *
 * <p>Run: {@code bench/risk/engine [EVENTS] [EVENTS_PER_SECOND_OF_EVENT_TIME]}; the second number sets how fast event
 * time runs (3,500/s is 50,000 trucks reporting every 15 s; a small one compresses weeks into the run, to show that
 * memory stays flat while windows expire). Prints a line per million events and a JSON object last.
 */
public final class EngineBenchmark {

    private static final int ENTERPRISES = 1_000;
    private static final int TRUCKS = 50_000;
    private static final int CHUNK = 200_000;

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 3_500;
        Mix mix = new Mix(rate, 2026);
        Analysis analysis = new Analysis(Thresholds.DEFAULTS);
        long[] latencies = new long[(int) Math.min(events, 20_000_000L)];
        long[] warningLatencies = new long[1_000_000];
        int warningSamples = 0;
        long changes = 0;
        long timedNanos = 0;
        long done = 0;
        List<String> heap = new ArrayList<>();
        // where the time goes: by kind of fact, and in facts that changed a warning
        java.util.Map<String, long[]> byKind = new java.util.TreeMap<>();
        while (done < events) {
            Fact[] chunk = mix.next((int) Math.min(CHUNK, events - done));
            long chunkStart = System.nanoTime();
            for (Fact fact : chunk) {
                long t0 = System.nanoTime();
                int n = analysis.accept(fact).size();
                long took = System.nanoTime() - t0;
                if (done < latencies.length) {
                    latencies[(int) done] = took;
                }
                long[] kind = byKind.computeIfAbsent(fact.getClass().getSimpleName() + (n > 0 ? "+warning" : ""),
                        k -> new long[2]);
                kind[0]++;
                kind[1] += took;
                if (n > 0) {
                    changes += n;
                    if (warningSamples < warningLatencies.length) {
                        warningLatencies[warningSamples++] = took;
                    }
                }
                done++;
            }
            timedNanos += System.nanoTime() - chunkStart;
            if (done % 1_000_000 == 0 || done == events) {
                System.gc();
                long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                heap.add(Long.toString(used));
                System.out.printf("%,d events, event time %s, heap %d MiB, %s%n", done,
                        Duration.between(mix.start, analysis.clock()).toString(), used, analysis.sizes());
            }
        }
        for (var kind : byKind.entrySet()) {
            long[] v = kind.getValue();
            System.out.printf("%-22s %,11d facts %8.2f µs mean %5.1f %% of the time%n", kind.getKey(), v[0],
                    v[1] / 1e3 / v[0], 100.0 * v[1] / timedNanos);
        }
        // the loop's own nanoTime calls are part of the figure: the engine alone is a little faster
        double perSecond = done / (timedNanos / 1e9);
        int sampled = (int) Math.min(done, latencies.length);
        Arrays.sort(latencies, 0, sampled);
        Arrays.sort(warningLatencies, 0, warningSamples);
        System.out.printf("{\"events\": %d, \"events_per_s\": %.0f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"p999_us\": %.2f, "
                        + "\"warning_p50_us\": %.2f, \"warning_p99_us\": %.2f, \"changes\": %d, \"heap_mib\": [%s]}%n",
                done, perSecond, latencies[sampled / 2] / 1e3, latencies[(int) (sampled * 0.99)] / 1e3,
                latencies[(int) (sampled * 0.999)] / 1e3,
                warningSamples == 0 ? 0 : warningLatencies[warningSamples / 2] / 1e3,
                warningSamples == 0 ? 0 : warningLatencies[(int) (warningSamples * 0.99)] / 1e3, changes,
                String.join(", ", heap));
    }

    /** The traffic: mostly positions, with gates, papers, notes, trips and camera states in realistic proportions. */
    static final class Mix {
        // cumulative shares per 100,000 events, from the rates above
        private static final int POSITIONS = 99_600;
        private static final int PASSAGES = POSITIONS + 105;
        private static final int DECLARATIONS = PASSAGES + 12;
        private static final int NOTES = DECLARATIONS + 15;
        private static final int TRIPS = NOTES + 160;

        final Instant start = Instant.parse("2026-11-23T00:00:00Z");
        private final SplittableRandom random;
        private final long stepNanos;
        private final String[] plates = new String[TRUCKS];
        private final String[] containers = new String[TRUCKS];
        private final String[] enterprises = new String[ENTERPRISES];
        private final long[] tripOf = new long[TRUCKS];
        /** Trucks with a recent declaration: most gate traffic is declared goods. */
        private final int[] declared = new int[4096];
        private int declaredCount;
        private long nanos;
        private long passageId;
        private long tripId;
        private long paperId;

        Mix(double eventsPerSecond, long seed) {
            random = new SplittableRandom(seed);
            stepNanos = (long) (1e9 / eventsPerSecond);
            for (int i = 0; i < TRUCKS; i++) {
                plates[i] = String.format("%02dC-%03d.%02d", 11 + i % 89, (i / 89) % 1000, i % 100);
                containers[i] = ContainerNumber.withCheckDigit(String.format("MSKU%06d", i)).value();
            }
            for (int e = 0; e < ENTERPRISES; e++) {
                enterprises[e] = String.format("03%08d", e);
            }
        }

        Fact[] next(int count) {
            Fact[] facts = new Fact[count];
            for (int i = 0; i < count; i++) {
                nanos += stepNanos;
                facts[i] = one(start.plusNanos(nanos));
            }
            return facts;
        }

        private Fact one(Instant at) {
            int roll = random.nextInt(100_000);
            int truck = random.nextInt(TRUCKS);
            // passages and notes are mostly of declared goods moving; a declaration is of any truck's goods (were it
            // drawn from the declared ones too, one early truck would pass the gate thousands of times an hour)
            boolean passageOrNote = roll >= POSITIONS && roll < PASSAGES || roll >= DECLARATIONS && roll < NOTES;
            if (passageOrNote && declaredCount > 0 && random.nextInt(20) != 0) {
                truck = declared[random.nextInt(Math.min(declaredCount, declared.length))];
            }
            String enterprise = enterprises[truck % ENTERPRISES];
            if (roll < POSITIONS) {
                boolean stopped = random.nextInt(20) == 0;
                // a few positions arrive up to a minute late, some twice
                Instant when = random.nextInt(50) == 0 ? at.minusSeconds(random.nextInt(60)) : at;
                return new Fact.Fix(plates[truck], 10.5 + random.nextDouble(), 106.5 + random.nextDouble(),
                        stopped ? 0 : 20 + random.nextInt(50), random.nextInt(360), when,
                        random.nextInt(10) == 0 ? "KCN-" + (truck % 50) : null);
            }
            if (roll < PASSAGES) {
                boolean valid = random.nextInt(100) != 0;
                String container = valid ? containers[truck] : containers[truck].substring(0, 10) + "0";
                return new Fact.Passage(++passageId, enterprise, "C01", "Cổng chính", random.nextInt(50) == 0,
                        random.nextBoolean() ? Fact.Direction.OUT : Fact.Direction.IN, at, plates[truck],
                        List.of(new Fact.Container(container, valid && !container.equals(containers[truck]) ? false : valid)), "recognition");
            }
            if (roll < DECLARATIONS) {
                declared[declaredCount++ % declared.length] = truck;
                return new Fact.Declared(String.format("3055%08d", ++paperId), 1, enterprise, true, null, "GREEN", at,
                        random.nextBoolean() ? at : null, List.of(new Fact.Vehicle(plates[truck], List.of(containers[truck]))),
                        List.of(containers[truck]), null, "CLEARED");
            }
            if (roll < NOTES) {
                return new Fact.Note("PX-" + (++paperId), 1, enterprise, Fact.NoteKind.DELIVERY, "Kho A", false, at,
                        plates[truck], List.of(containers[truck]));
            }
            if (roll < TRIPS) {
                if (tripOf[truck] == 0) {
                    tripOf[truck] = ++tripId;
                    return new Fact.Trip(tripId, enterprise, plates[truck], null, "EPE-" + enterprise, "PORT-CAT-LAI",
                            Duration.ofHours(2), Fact.TripStage.STARTED, at);
                }
                long id = tripOf[truck];
                tripOf[truck] = 0;
                return new Fact.Trip(id, enterprise, plates[truck], null, "EPE-" + enterprise, "PORT-CAT-LAI",
                        Duration.ofHours(2), Fact.TripStage.ARRIVED, at);
            }
            return new Fact.CameraStatus(enterprise, "C0" + (1 + random.nextInt(5)), "Cổng chính", random.nextBoolean(), at);
        }
    }
}
