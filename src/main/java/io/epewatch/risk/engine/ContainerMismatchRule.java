package io.epewatch.risk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Paper;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code CONTAINER_MISMATCH} (R4.4): the containers a vehicle carries through the gate are not the ones the
 * declarations or manifests in the window put on that vehicle. Only papers that name containers for the vehicle are
 * compared; a paper naming other containers for it, and none naming these, is a mismatch. A paper arriving late that
 * puts the read containers on the vehicle resolves it.
 */
final class ContainerMismatchRule implements Rule {

    static final String CODE = "CONTAINER_MISMATCH";

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
        return 75;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Passage p -> judge(p, situation, out);
            case Paper paper -> {
                Thresholds t = situation.thresholds(paper.enterprise());
                for (Passage p : Evidence.withPlateAny(situation.site(paper.enterprise()).passages, Evidence.plates(paper),
                        paper.at().minus(t.declarationAfter()), paper.at().plus(t.declarationBefore()))) {
                    if (out.isOpen("gate:" + p.id()) && mismatch(p, situation) == null) {
                        out.resolve("gate:" + p.id(), paper.reference() + " puts " + String.join(", ",
                                Evidence.validContainers(p)) + " on vehicle " + p.plate());
                    }
                }
            }
            default -> {
            }
        }
    }

    private void judge(Passage p, Situation situation, Outcome out) {
        Map<String, Object> papers = mismatch(p, situation);
        if (papers == null) {
            return;
        }
        String read = String.join(", ", Evidence.validContainers(p));
        out.raise("gate:" + p.id(), "vehicle:" + Evidence.plateKey(p.plate()) + "|" + read, p.enterprise(), p.at(), p.id(),
                "Vehicle " + p.plate() + " carried " + read + " through camera " + p.camera()
                        + ", not the containers its papers name",
                "Xe " + p.plate() + " chở container " + read + " qua camera " + p.camera()
                        + ", khác số container trên tờ khai/bản lược khai",
                Evidence.of("gateEvent", Evidence.passage(p), "papers", papers));
    }

    /** The papers and what they name for the vehicle when none of them carries every read container; else null. */
    private static Map<String, Object> mismatch(Passage p, Situation situation) {
        List<String> read = Evidence.validContainers(p);
        if (p.plate() == null || read.isEmpty()) {
            return null;
        }
        Thresholds t = situation.thresholds(p.enterprise());
        Map<String, Object> naming = new java.util.LinkedHashMap<>();
        for (Paper paper : situation.site(p.enterprise()).papers.between(p.at().minus(t.declarationBefore()),
                p.at().plus(t.declarationAfter()))) {
            List<String> onVehicle = new ArrayList<>();
            paper.vehicles().stream().filter(v -> Evidence.samePlate(p.plate(), v.plate()))
                    .forEach(v -> onVehicle.addAll(v.containers()));
            if (onVehicle.isEmpty()) {
                continue;
            }
            if (onVehicle.containsAll(read)) {
                return null;
            }
            naming.put(paper.reference(), onVehicle);
        }
        return naming.isEmpty() ? null : naming;
    }
}
