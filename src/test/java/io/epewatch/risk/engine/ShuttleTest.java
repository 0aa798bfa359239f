package io.epewatch.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A container shuttling in and out all day: more passages than a warning keeps as evidence (50). The run is still
 * one warning that each passage merges into — found by issue 19's benchmark, where every passage after the fiftieth
 * raised a new warning, because the open one was looked for among the last fifty passages only.
 */
class ShuttleTest {

    private static final Instant START = Instant.parse("2026-11-24T01:00:00Z");

    @Test
    @DisplayName("R4.5 REPEATED_CIRCULATION: 120 passages of one container in two hours are one warning")
    void aShuttleIsOneWarning() {
        Analysis analysis = new Analysis(Thresholds.DEFAULTS);
        List<WarningChange> changes = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            changes.addAll(analysis.accept(new Fact.Passage(i, "0312345678", i % 2 == 0 ? "C01" : "C02", "Cổng chính", false,
                    i % 2 == 0 ? Fact.Direction.OUT : Fact.Direction.IN, START.plus(Duration.ofMinutes(i)), "51C-123.45",
                    List.of(new Fact.Container("MSKU4670691", true)), "test", List.of())));
        }
        List<String> circulation = Scenario.describe(changes).stream().filter(c -> c.contains("REPEATED_CIRCULATION")).toList();
        assertThat(circulation.stream().filter(c -> c.startsWith("RAISED")))
                .containsExactly("RAISED REPEATED_CIRCULATION|container:MSKU4670691|1");
        assertThat(circulation).hasSizeGreaterThan(100).allMatch(c -> c.endsWith("REPEATED_CIRCULATION|container:MSKU4670691|1"));
    }
}
