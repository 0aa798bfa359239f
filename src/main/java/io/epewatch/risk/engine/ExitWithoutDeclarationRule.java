package io.epewatch.risk.engine;

import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Declared;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code EXIT_WITHOUT_DECLARATION} (R4.4, R4.5, R5.7): a vehicle leaves the EPE carrying a container, or with no
 * container a plate, that no export or transit declaration of the enterprise names within the window around the
 * passage. Every container must be covered; an invalid one cannot be, and {@code CONTAINER_NUMBER_INVALID}
 * says why. The passages of one container (or one plate) fold into one warning. Plates are read by OCR and compared allowing one slip. A declaration arriving late resolves it.
 */
final class ExitWithoutDeclarationRule implements Rule {

    static final String CODE = "EXIT_WITHOUT_DECLARATION";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public int score() {
        return 70;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Passage p when p.direction() == Fact.Direction.OUT -> judge(p, situation, out);
            case Declared d when d.export() || d.transit() != null -> {
                for (Passage p : Evidence.passagesCoveredBy(d, situation)) {
                    if (out.isOpen("gate:" + p.id()) && uncovered(p, situation).isEmpty() && coversPlate(p, situation)) {
                        out.resolve("gate:" + p.id(), "Covered by declaration " + d.number() + " (version " + d.version()
                                + ") registered " + Evidence.local(d.at()));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void judge(Passage p, Situation situation, Outcome out) {
        List<String> uncovered = uncovered(p, situation);
        List<String> considered = Evidence.exportsAround(p, situation).stream().map(Declared::number).toList();
        if (!uncovered.isEmpty()) {
            out.raise("gate:" + p.id(), "container:" + String.join(",", uncovered.stream().sorted().toList()), p.enterprise(), p.at(), p.id(),
                    "Container " + String.join(", ", uncovered) + " left through camera " + p.camera()
                            + " without an export declaration",
                    "Container " + String.join(", ", uncovered) + " ra qua camera " + p.camera()
                            + " mà không có tờ khai xuất khẩu",
                    Evidence.of("gateEvent", Evidence.passage(p), "declarationsConsidered", considered,
                            "undeclaredContainers", uncovered));
        } else if (!coversPlate(p, situation)) {
            out.raise("gate:" + p.id(), "vehicle:" + Evidence.plateKey(p.plate()), p.enterprise(), p.at(), p.id(),
                    "Vehicle " + p.plate() + " left through camera " + p.camera() + " without an export declaration",
                    "Xe " + p.plate() + " ra qua camera " + p.camera() + " mà không có tờ khai xuất khẩu",
                    Evidence.of("gateEvent", Evidence.passage(p), "declarationsConsidered", considered,
                            "undeclaredPlate", p.plate()));
        }
    }

    /** Containers of the passage that no export declaration in the window names. */
    private static List<String> uncovered(Passage p, Situation situation) {
        List<Declared> exports = Evidence.exportsAround(p, situation);
        return p.containers().stream().map(Fact.Container::number)
                .filter(number -> exports.stream().noneMatch(d -> d.names(number))).toList();
    }

    /** A passage without containers is covered when a declaration names its plate. */
    private static boolean coversPlate(Passage p, Situation situation) {
        if (!p.containers().isEmpty() || p.plate() == null) {
            return true;
        }
        return Evidence.exportsAround(p, situation).stream()
                .anyMatch(d -> d.vehicles().stream().anyMatch(v -> Evidence.samePlate(p.plate(), v.plate())));
    }
}
