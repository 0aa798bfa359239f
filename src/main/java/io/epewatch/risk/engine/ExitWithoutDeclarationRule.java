package io.epewatch.risk.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.declaration.Declaration;
import io.epewatch.gate.ContainerRead;
import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventRecorded;

/**
 * {@code EXIT_WITHOUT_DECLARATION} (R4.4, R4.5): a vehicle leaves the EPE carrying a container, or with no container
 * a plate, that no export declaration of the enterprise names within the window around the passage. Every container
 * must be covered; an unreadable (invalid) container cannot be, and {@code CONTAINER_NUMBER_INVALID} says why.
 */
final class ExitWithoutDeclarationRule implements GateRule {

    static final String CODE = "EXIT_WITHOUT_DECLARATION";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<WarningDraft> evaluate(GateEventRecorded passage, RuleContext context) {
        if (passage.direction() != GateEvent.Direction.OUT) {
            return Optional.empty();
        }
        List<Declaration> exports = context.exportDeclarations();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("declarationsConsidered", exports.stream().map(Declaration::number).toList());
        if (!passage.containers().isEmpty()) {
            List<String> uncovered = passage.containers().stream().map(ContainerRead::number)
                    .filter(number -> exports.stream().noneMatch(d -> d.containerNumbers().contains(number)))
                    .toList();
            if (uncovered.isEmpty()) {
                return Optional.empty();
            }
            evidence.put("undeclaredContainers", uncovered);
            return Optional.of(new WarningDraft(CODE, "Container " + String.join(", ", uncovered)
                    + " left through camera " + passage.cameraNumber() + " without an export declaration", evidence));
        }
        if (passage.plate() == null || exports.stream().anyMatch(d -> d.vehiclePlates().contains(passage.plate()))) {
            return Optional.empty();
        }
        evidence.put("undeclaredPlate", passage.plate());
        return Optional.of(new WarningDraft(CODE, "Vehicle " + passage.plate() + " left through camera "
                + passage.cameraNumber() + " without an export declaration", evidence));
    }
}
