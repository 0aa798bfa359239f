package io.epewatch.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario file through the engine and compares the exact warning changes (R4.5). */
class ScenarioTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesExactlyTheExpectedWarnings() throws IOException {
        return Scenario.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.toString(), () -> {
            List<WarningChange> changes = scenario.analysis().acceptAll(scenario.facts());
            assertThat(Scenario.describe(changes)).as(scenario.file()).containsExactlyElementsOf(scenario.expect());
        }));
    }

    @Test
    @DisplayName("every rule has a scenario where it must warn and one where it must not")
    void everyRuleIsCoveredBothWays() throws IOException {
        List<Scenario> scenarios = Scenario.all();
        for (String rule : Analysis.ruleCodes()) {
            assertThat(scenarios).as(rule + " must warn").anyMatch(s -> rule.equals(s.rule()) && s.warns()
                    && s.expect().stream().anyMatch(e -> e.startsWith("RAISED " + rule + "|")));
            assertThat(scenarios).as(rule + " must not warn").anyMatch(s -> rule.equals(s.rule()) && !s.warns()
                    && s.expect().stream().noneMatch(e -> e.startsWith("RAISED " + rule + "|")));
        }
    }

    @Test
    @DisplayName("R4.5 replaying the same facts gives the same warnings, word for word")
    void replayIsDeterministic() throws IOException {
        for (Scenario scenario : Scenario.all()) {
            List<WarningChange> first = scenario.analysis().acceptAll(scenario.facts());
            List<WarningChange> second = scenario.analysis().acceptAll(scenario.facts());
            assertThat(second).as(scenario.file()).isEqualTo(first);
        }
    }
}
