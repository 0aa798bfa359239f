package io.epewatch.risk.engine;

import java.util.List;

/**
 * The rules, in the order they run. One list, here, so that what the engine does is read in one place.
 * Every rule is documented in {@code docs/rules.md} with its legal basis.
 */
final class RiskRules {

    static final List<GateRule> GATE_RULES = List.of(
            new ContainerNumberInvalidRule(),
            new ExitWithoutDeclarationRule());

    private RiskRules() {
    }
}
