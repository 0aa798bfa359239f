package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
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
                Thresholds t = situation.thresholds(d.enterprise());
                for (Passage p : Evidence.naming(situation.site(d.enterprise()).passages, Evidence.allContainers(d),
                        Evidence.plates(d), Passage::plate, d.at().minus(t.declarationAfter()),
                        d.at().plus(t.declarationBefore()))) {
                    if (p.direction() != Fact.Direction.OUT) {
                        continue;
                    }
                    if (out.isOpen("gate:" + p.id()) && unfree(p, situation).isEmpty()) {
                        out.resolve("gate:" + p.id(), "Declaration " + d.number() + " (version " + d.version()
                                + ") shows the goods free to leave before " + Evidence.local(p.at()));
                    } else if (!out.isOpen("gate:" + p.id())) {
                        judge(p, situation, out);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void judge(Passage p, Situation situation, Outcome out) {
        Map<String, Object> unfree = unfree(p, situation);
        if (unfree.isEmpty()) {
            return;
        }
        String numbers = String.join(", ", unfree.keySet());
        String lanes = String.join(", ", unfree.values().stream().map(Object::toString).toList());
        out.raise("gate:" + p.id(), "declaration:" + numbers, p.enterprise(), p.at(), p.id(),
                "Vehicle " + (p.plate() == null ? "" : p.plate() + " ") + "left through camera " + p.camera()
                        + " with goods of declaration " + numbers + " before customs let them go (" + lanes + ")",
                "Xe " + (p.plate() == null ? "" : p.plate() + " ") + "ra qua camera " + p.camera()
                        + " chở hàng của tờ khai " + numbers + " khi hải quan chưa cho phép (" + lanesVi(unfree) + ")",
                Evidence.of("gateEvent", Evidence.passage(p), "declarations", unfree));
    }

    /** The yellow and red declarations naming the passage's goods that did not let them leave at its time, with why. */
    private static Map<String, Object> unfree(Passage p, Situation situation) {
        Thresholds t = situation.thresholds(p.enterprise());
        List<String> plates = new ArrayList<>();
        if (p.plate() != null) {
            plates.add(p.plate());
        }
        Map<String, Object> found = new LinkedHashMap<>();
        for (Fact.Paper paper : Evidence.naming(situation.site(p.enterprise()).papers, Evidence.validContainers(p), plates,
                x -> null, p.at().minus(t.declarationBefore()), p.at().plus(t.declarationAfter()))) {
            if (!(paper instanceof Declared d) || !(d.export() || d.transit() != null) || !d.checked()) {
                continue;
            }
            String why = why(d, p.at());
            if (why != null) {
                found.put(d.number(), d.lane() + ": " + why);
            }
        }
        if (p.plate() != null) {
            // plates within one OCR slip: the papers window is keyed by exact names
            for (Fact.Paper paper : situation.site(p.enterprise()).papers.between(p.at().minus(t.declarationBefore()),
                    p.at().plus(t.declarationAfter()))) {
                if (paper instanceof Declared d && !found.containsKey(d.number()) && (d.export() || d.transit() != null)
                        && d.checked() && d.vehicles().stream().anyMatch(v -> Evidence.samePlate(p.plate(), v.plate()))) {
                    String why = why(d, p.at());
                    if (why != null) {
                        found.put(d.number(), d.lane() + ": " + why);
                    }
                }
            }
        }
        return found;
    }

    /** Why the declaration did not let the goods leave at {@code at}, or null when it did. */
    private static String why(Declared d, Instant at) {
        boolean free = d.clearedAt() != null && !d.clearedAt().isAfter(at);
        boolean inspected = !"RED".equals(d.lane()) || (d.inspectedAt() != null && !d.inspectedAt().isAfter(at));
        if (!free) {
            return "not cleared" + (d.status() == null ? "" : " (" + d.status() + ")");
        }
        return inspected ? null : "inspection not recorded";
    }

    private static String lanesVi(Map<String, Object> unfree) {
        return String.join(", ", unfree.values().stream().map(Object::toString)
                .map(s -> s.replace("YELLOW", "luồng vàng").replace("RED", "luồng đỏ")
                        .replace("not cleared", "chưa thông quan").replace("inspection not recorded", "chưa ghi kết quả kiểm tra thực tế"))
                .toList());
    }
}
