package io.epewatch.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws a month's supervision plan (R4.1–R4.3). Every enterprise gets one check, the enterprises in a random order
 * spread evenly over the working days, each at a random quarter hour within the unit's working hours (ending an hour
 * before closing, so the check fits), given to the officer with the most capacity left. On top, unscheduled checks
 * are drawn without replacement with weight 1 + risk score, at random days and times, while capacity lasts. The
 * randomness comes from the seed: a new one each month makes the plan unpredictable, the same one reproduces it.
 */
final class PlanGenerator {

    private static final int SLOT_MINUTES = 15;
    private static final int CHECK_MINUTES = 60;

    private PlanGenerator() {
    }

    /**
     * @throws IllegalArgumentException when the month has no working day, the hours leave no room for a check, or
     *                                  the officers cannot do one check per enterprise
     */
    public static List<PlannedCheck> generate(PlanRequest request, long seed) {
        Random random = new Random(seed);
        List<LocalDate> days = request.workingDays();
        int slots = (int) ((request.closes().toSecondOfDay() - request.opens().toSecondOfDay()) / 60 - CHECK_MINUTES) / SLOT_MINUTES + 1;
        if (days.isEmpty()) {
            throw new IllegalArgumentException("the month has no working day");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("the working hours leave no room for a check of an hour");
        }
        int total = request.capacity().values().stream().mapToInt(Integer::intValue).sum();
        int enterprises = request.riskByEnterprise().size();
        if (total < enterprises) {
            throw new IllegalArgumentException("the officers can do " + total + " checks, the sub-department manages "
                    + enterprises + " enterprises");
        }
        Map<String, Integer> left = new HashMap<>(request.capacity());
        Set<String> taken = new HashSet<>(); // officer and time, so nobody is in two places
        List<String> order = new ArrayList<>(request.riskByEnterprise().keySet().stream().sorted().toList());
        java.util.Collections.shuffle(order, random);
        List<PlannedCheck> checks = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            LocalDate day = days.get((int) ((long) i * days.size() / order.size()));
            checks.add(place(order.get(i), day, false, request, slots, left, taken, random));
        }
        int unscheduled = Math.max(1, (int) Math.round(enterprises * request.unscheduledShare()));
        Map<String, Integer> weights = new HashMap<>();
        request.riskByEnterprise().forEach((e, risk) -> weights.put(e, 1 + Math.max(0, Math.min(100, risk))));
        for (int n = 0; n < unscheduled && !weights.isEmpty() && left.values().stream().anyMatch(c -> c > 0); n++) {
            String enterprise = draw(weights, random);
            weights.remove(enterprise);
            checks.add(place(enterprise, days.get(random.nextInt(days.size())), true, request, slots, left, taken, random));
        }
        checks.sort(Comparator.comparing(PlannedCheck::at).thenComparing(PlannedCheck::enterpriseTaxCode));
        return checks;
    }

    private static PlannedCheck place(String enterprise, LocalDate day, boolean unscheduled, PlanRequest request, int slots,
                                      Map<String, Integer> left, Set<String> taken, Random random) {
        String officer = left.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
        left.merge(officer, -1, Integer::sum);
        // an officer checking elsewhere at that hour goes at the next free quarter hour (wrapping within the day)
        int start = random.nextInt(slots);
        int slot = start;
        for (int tries = 0; tries < slots && !free(taken, officer, day, slot); tries++) {
            slot = (slot + 1) % slots;
        }
        for (int s = slot; s < slot + CHECK_MINUTES / SLOT_MINUTES; s++) {
            taken.add(officer + "@" + day + "#" + s);
        }
        LocalTime time = request.opens().plusMinutes((long) slot * SLOT_MINUTES);
        return new PlannedCheck(enterprise, officer, LocalDateTime.of(day, time), unscheduled);
    }

    private static boolean free(Set<String> taken, String officer, LocalDate day, int slot) {
        for (int s = slot; s < slot + CHECK_MINUTES / SLOT_MINUTES; s++) {
            if (taken.contains(officer + "@" + day + "#" + s)) {
                return false;
            }
        }
        return true;
    }

    private static String draw(Map<String, Integer> weights, Random random) {
        List<String> keys = weights.keySet().stream().sorted().toList();
        int sum = keys.stream().mapToInt(weights::get).sum();
        int pick = random.nextInt(sum);
        for (String key : keys) {
            pick -= weights.get(key);
            if (pick < 0) {
                return key;
            }
        }
        return keys.getLast();
    }
}
