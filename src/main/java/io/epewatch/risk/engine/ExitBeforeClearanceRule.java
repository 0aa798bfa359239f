package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Declared;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code EXIT_BEFORE_CLEARANCE} (R5.5, R5.6, R5.8): a vehicle leaves through an EPE gate with goods of a yellow or
 * red declaration that was not yet cleared (or released) at that moment, or of a red one whose physical inspection
 * was not recorded by then. Only the gate knows the goods left; only the declaration knows they were not free to.
 * A later version showing clearance (and inspection) before the passage resolves it; a declaration arriving after
 * the passage is judged against it.
 */
final class ExitBeforeClearanceRule implements Rule {

    static final String CODE = "EXIT_BEFORE_CLEARANCE";

    /** What the declaration still lacked when the goods left. */
    private enum Hold {
        NOT_CLEARED("not cleared", "chưa thông quan"),
        NOT_INSPECTED("inspection not recorded", "chưa ghi kết quả kiểm tra thực tế");

        final String english;
        final String vietnamese;

        Hold(String english, String vietnamese) {
            this.english = english;
            this.vietnamese = vietnamese;
        }
    }

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
        return 80;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Passage p when p.direction() == Fact.Direction.OUT -> judge(p, situation, out);
            case Declared d when d.export() || d.transit() != null -> {
                for (Passage p : Evidence.passagesCoveredBy(d, situation)) {
                    if (p.direction() != Fact.Direction.OUT) {
                        continue;
                    }
                    if (!out.isOpen("gate:" + p.id())) {
                        judge(p, situation, out);
                    } else if (held(p, situation).isEmpty()) {
                        out.resolve("gate:" + p.id(), "Declaration " + d.number() + " (version " + d.version()
                                + ") shows the goods free to leave before " + Evidence.local(p.at()));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void judge(Passage p, Situation situation, Outcome out) {
        Map<Declared, Hold> held = held(p, situation);
        if (held.isEmpty()) {
            return;
        }
        Map<String, Object> declarations = new LinkedHashMap<>();
        held.forEach((d, hold) -> declarations.put(d.number(),
                d.lane() + ": " + hold.english + (d.status() == null ? "" : " (" + d.status() + ")")));
        String numbers = String.join(", ", declarations.keySet());
        String english = String.join(", ", declarations.values().stream().map(Object::toString).toList());
        String vietnamese = String.join(", ", held.entrySet().stream().map(e ->
                ("RED".equals(e.getKey().lane()) ? "luồng đỏ" : "luồng vàng") + ": " + e.getValue().vietnamese).toList());
        String vehicle = p.plate() == null ? "" : p.plate() + " ";
        out.raise("gate:" + p.id(), "declaration:" + numbers, p.enterprise(), p.at(), p.id(),
                "Vehicle " + vehicle + "left through camera " + p.camera() + " with goods of declaration " + numbers
                        + " before customs let them go (" + english + ")",
                "Xe " + vehicle + "ra qua camera " + p.camera() + " chở hàng của tờ khai " + numbers
                        + " khi hải quan chưa cho phép (" + vietnamese + ")",
                Evidence.of("gateEvent", Evidence.passage(p), "declarations", declarations));
    }

    /**
     * The yellow and red export or transit declarations naming a valid container of the passage, or its plate within
     * one OCR slip, that did not let the goods leave at its time, with what they lacked.
     */
    private static Map<Declared, Hold> held(Passage p, Situation situation) {
        List<String> containers = Evidence.validContainers(p);
        Map<Declared, Hold> held = new LinkedHashMap<>();
        for (Declared d : Evidence.exportsAround(p, situation)) {
            boolean names = containers.stream().anyMatch(d::names)
                    || (p.plate() != null && d.vehicles().stream().anyMatch(v -> Evidence.samePlate(p.plate(), v.plate())));
            Hold hold = names && d.checked() ? hold(d, p.at()) : null;
            if (hold != null) {
                held.put(d, hold);
            }
        }
        return held;
    }

    /** What the declaration lacked at {@code at}, or null when the goods were free to leave. */
    private static Hold hold(Declared d, Instant at) {
        if (d.clearedAt() == null || d.clearedAt().isAfter(at)) {
            return Hold.NOT_CLEARED;
        }
        boolean inspected = !"RED".equals(d.lane()) || (d.inspectedAt() != null && !d.inspectedAt().isAfter(at));
        return inspected ? null : Hold.NOT_INSPECTED;
    }
}
