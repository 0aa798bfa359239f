package io.epewatch.risk.engine;

import java.util.List;

/**
 * The rules, in the order they run. One list, here, so that what the engine does is read in one place.
 * Every rule is documented in {@code docs/rules.md} with its legal basis.
 */
final class RiskRules {

    static final List<Rule> ALL = List.of(
            new WatchlistHitRule(),
            new ContainerNumberInvalidRule(),
            new ExitWithoutDeclarationRule(),
            new ContainerMismatchRule(),
            new GateExitWithoutDeliveryNoteRule(),
            new DeliveryWithoutGateExitRule(),
            new ClearedButNotSeenRule(),
            new ExitBeforeClearanceRule(),
            new SealMismatchRule(),
            new MovementDuringOutageRule(),
            new OffHoursMovementRule(),
            new RepeatedCirculationRule(),
            new TravelTimeAnomalyRule(),
            new UnscheduledStopRule(),
            new GpsSilenceRule(),
            new CoverageGapRule(),
            new UnreadPassagesRule());

    private RiskRules() {
    }
}
