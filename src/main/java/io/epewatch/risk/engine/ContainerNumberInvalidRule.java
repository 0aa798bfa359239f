package io.epewatch.risk.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.epewatch.gate.ContainerRead;
import io.epewatch.gate.GateEventRecorded;

/**
 * {@code CONTAINER_NUMBER_INVALID} (R1.2, R4.5): a container number read at a gate fails ISO 6346 (category letter
 * or check digit): either the reader misread it, which an officer must check on the image, or the number is false.
 */
final class ContainerNumberInvalidRule implements GateRule {

    static final String CODE = "CONTAINER_NUMBER_INVALID";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Optional<WarningDraft> evaluate(GateEventRecorded passage, RuleContext context) {
        List<ContainerRead> invalid = passage.containers().stream().filter(c -> !c.valid()).toList();
        if (invalid.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("invalidContainers", invalid.stream()
                .map(c -> Map.of("number", c.number(), "reason", c.invalidReason())).toList());
        return Optional.of(new WarningDraft(CODE, "Container number " + invalid.stream().map(ContainerRead::number)
                .reduce((a, b) -> a + ", " + b).orElseThrow() + " read at camera " + passage.cameraNumber()
                + " fails the ISO 6346 check", evidence));
    }
}
