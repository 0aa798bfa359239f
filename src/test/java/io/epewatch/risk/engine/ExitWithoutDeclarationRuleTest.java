package io.epewatch.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.Declaration;
import io.epewatch.gate.ContainerRead;
import io.epewatch.gate.GateEvent.Direction;
import io.epewatch.gate.GateEventRecorded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExitWithoutDeclarationRuleTest {

    private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
    private final ExitWithoutDeclarationRule rule = new ExitWithoutDeclarationRule();

    private static Declaration export(List<String> plates, List<String> containers) {
        return new Declaration("305512340010", 1, "E52", "0312345678", Declaration.Direction.EXPORT, AT.minusSeconds(3600),
                "CLEARED", Declaration.Lane.GREEN, plates, containers, AT);
    }

    private static GateEventRecorded passage(Direction direction, String plate, String... containers) {
        return new GateEventRecorded(7, "0312345678", "C01", direction, AT, plate,
                java.util.Arrays.stream(containers).map(c -> new ContainerRead(c, true, null)).toList());
    }

    @Test
    @DisplayName("R4.5 a declared container leaving raises nothing")
    void declaredContainerIsCovered() {
        var context = new RuleContext(List.of(export(List.of(), List.of("MSKU4670691"))));
        assertThat(rule.evaluate(passage(Direction.OUT, "51C-123.45", "MSKU4670691"), context)).isEmpty();
    }

    @Test
    @DisplayName("R4.5 an undeclared container leaving raises EXIT_WITHOUT_DECLARATION naming it")
    void undeclaredContainerRaises() {
        var context = new RuleContext(List.of(export(List.of("51C-123.45"), List.of("MSKU4670691"))));
        var draft = rule.evaluate(passage(Direction.OUT, "51C-123.45", "MSKU4670691", "TEMU2709541"), context);
        assertThat(draft).isPresent();
        assertThat(draft.get().rule()).isEqualTo("EXIT_WITHOUT_DECLARATION");
        assertThat(draft.get().evidence()).containsEntry("undeclaredContainers", List.of("TEMU2709541"))
                .containsEntry("declarationsConsidered", List.of("305512340010"));
    }

    @Test
    @DisplayName("R4.5 without a container, the plate must be on a declaration")
    void plateOnlyPassage() {
        var context = new RuleContext(List.of(export(List.of("51C-123.45"), List.of())));
        assertThat(rule.evaluate(passage(Direction.OUT, "51C-123.45"), context)).isEmpty();
        assertThat(rule.evaluate(passage(Direction.OUT, "29H-555.01"), context)).get()
                .extracting(WarningDraft::evidence).satisfies(e -> assertThat(e).containsEntry("undeclaredPlate", "29H-555.01"));
    }

    @Test
    void entriesAreNotExits() {
        assertThat(rule.evaluate(passage(Direction.IN, "29H-555.01", "TEMU2709541"), new RuleContext(List.of()))).isEmpty();
    }

    @Test
    void aPlateOnADeclarationDoesNotCoverAnUndeclaredContainer() {
        var context = new RuleContext(List.of(export(List.of("51C-123.45"), List.of("MSKU4670691"))));
        assertThat(rule.evaluate(passage(Direction.OUT, "51C-123.45", "TEMU2709541"), context)).isPresent();
    }
}
