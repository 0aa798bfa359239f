package io.epewatch.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.epewatch.calendar.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The monthly supervision plan (R4.1–R4.3): every EPE, working hours, capacity, unscheduled checks by risk. */
class PlanGeneratorTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of());
    private static final LocalTime OPENS = LocalTime.of(7, 30);
    private static final LocalTime CLOSES = LocalTime.of(16, 30);

    /** 40 EPEs: the first ten high-risk (90), the rest low (5). */
    private static Map<String, Integer> enterprises() {
        Map<String, Integer> risk = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            risk.put(String.format("03%08d", i), i < 10 ? 90 : 5);
        }
        return risk;
    }

    private static Map<String, Integer> officers() {
        return Map.of("officer-a", 12, "officer-b", 12, "officer-c", 12, "officer-d", 12);
    }

    private static PlanRequest request(YearMonth month) {
        return new PlanRequest(month, CALENDAR, OPENS, CLOSES, enterprises(), officers(), 0.2);
    }

    @Test
    @DisplayName("R4.1 R4.2 every EPE gets a check on a working day within working hours; no officer over capacity or in two places")
    void coverageHoursCapacity() {
        // February 2026: Tết 16–20 February
        List<PlannedCheck> plan = PlanGenerator.generate(request(YearMonth.of(2026, 2)), 7);
        assertThat(plan.stream().filter(c -> !c.unscheduled()).map(PlannedCheck::enterpriseTaxCode).collect(Collectors.toSet()))
                .isEqualTo(enterprises().keySet());
        assertThat(plan).allSatisfy(c -> {
            assertThat(CALENDAR.isWorkingDay(c.at().toLocalDate())).as(c.toString()).isTrue();
            assertThat(c.at().toLocalTime()).isBetween(OPENS, CLOSES.minusHours(1));
        });
        Map<String, Long> perOfficer = plan.stream().collect(Collectors.groupingBy(PlannedCheck::officer, Collectors.counting()));
        officers().forEach((officer, capacity) -> assertThat(perOfficer.getOrDefault(officer, 0L)).isLessThanOrEqualTo(capacity));
        for (PlannedCheck a : plan) {
            for (PlannedCheck b : plan) {
                if (a != b && a.officer().equals(b.officer())) {
                    assertThat(Math.abs(java.time.Duration.between(a.at(), b.at()).toMinutes())).as(a + " / " + b)
                            .isGreaterThanOrEqualTo(60);
                }
            }
        }
        // spread: the rotation uses most of the month's working days, not its first week
        assertThat(plan.stream().filter(c -> !c.unscheduled()).map(c -> c.at().toLocalDate()).distinct().count())
                .isGreaterThanOrEqualTo(request(YearMonth.of(2026, 2)).workingDays().size() - 1);
        assertThat(plan.stream().filter(PlannedCheck::unscheduled).count()).isEqualTo(8);
    }

    @Test
    @DisplayName("R4.3 over 12 months unscheduled checks favour high-risk EPEs and their dates differ from month to month")
    void unscheduledFavourRiskAndVary() {
        Random seeds = new Random(2026);
        Map<String, Integer> unscheduled = new HashMap<>();
        Set<List<Integer>> dayPatterns = new HashSet<>();
        for (int m = 1; m <= 12; m++) {
            List<PlannedCheck> plan = PlanGenerator.generate(request(YearMonth.of(2026, m)), seeds.nextLong());
            List<PlannedCheck> drawn = plan.stream().filter(PlannedCheck::unscheduled).toList();
            drawn.forEach(c -> unscheduled.merge(c.enterpriseTaxCode(), 1, Integer::sum));
            dayPatterns.add(drawn.stream().map(c -> c.at().getDayOfMonth()).sorted().toList());
        }
        int high = enterprises().entrySet().stream().filter(e -> e.getValue() == 90)
                .mapToInt(e -> unscheduled.getOrDefault(e.getKey(), 0)).sum();
        int low = enterprises().entrySet().stream().filter(e -> e.getValue() == 5)
                .mapToInt(e -> unscheduled.getOrDefault(e.getKey(), 0)).sum();
        // ten high-risk EPEs weigh 91 each, thirty low-risk ones 6 each: per EPE a high one is drawn far more often
        assertThat(high / 10.0).isGreaterThan(3 * (low / 30.0));
        assertThat(dayPatterns).as("no two months alike").hasSize(12);
    }

    @Test
    @DisplayName("the same seed gives the same plan; too little capacity is refused, naming the numbers")
    void reproducibleAndRefused() {
        assertThat(PlanGenerator.generate(request(YearMonth.of(2026, 3)), 42))
                .isEqualTo(PlanGenerator.generate(request(YearMonth.of(2026, 3)), 42));
        assertThatThrownBy(() -> PlanGenerator.generate(new PlanRequest(YearMonth.of(2026, 3), CALENDAR, OPENS, CLOSES,
                enterprises(), Map.of("officer-a", 10), 0.2), 1)).hasMessageContaining("10 checks").hasMessageContaining("40");
    }
}
