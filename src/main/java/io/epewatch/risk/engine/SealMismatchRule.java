package io.epewatch.risk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Declared;
import io.epewatch.risk.engine.Fact.Passage;
import io.epewatch.risk.engine.Fact.SealSeen;

/**
 * {@code SEAL_MISMATCH} (R5.7, R5.8): the seal numbers seen on a container — at the EPE's gate, or by the destination
 * office of a transit on arrival — differ from those customs recorded on the declaration. A broken or swapped seal
 * means the container may have been opened between the inspection and here. Only containers whose seal customs
 * recorded are judged; a later declaration version recording the seals that were seen resolves it.
 */
final class SealMismatchRule implements Rule {

    static final String CODE = "SEAL_MISMATCH";

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
        return 85;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Passage p when !p.seals().isEmpty() -> atGate(p, situation, out);
            case Declared d -> {
                if (d.arrival() != null) {
                    onArrival(d, out);
                }
                // a declaration arriving after the passage is judged against it; a new version may record what was seen
                for (Passage p : Evidence.passagesCoveredBy(d, situation)) {
                    if (p.seals().isEmpty()) {
                        continue;
                    }
                    if (!out.isOpen("gate:" + p.id())) {
                        atGate(p, situation, out);
                    } else if (differences(p.seals(), List.of(d)).isEmpty()) {
                        out.resolve("gate:" + p.id(), "Declaration " + d.number() + " (version " + d.version()
                                + ") records the seals seen at the gate");
                    }
                }
            }
            default -> {
            }
        }
    }

    private void atGate(Passage p, Situation situation, Outcome out) {
        List<Declared> declarations = Evidence.exportsAround(p, situation).stream()
                .filter(d -> p.seals().stream().anyMatch(s -> d.sealOn(s.container()) != null)).toList();
        List<String> differences = differences(p.seals(), declarations);
        if (differences.isEmpty()) {
            return;
        }
        String vehicle = p.plate() == null ? "" : p.plate() + " ";
        out.raise("gate:" + p.id(), p.enterprise(), p.at(), p.id(),
                "Vehicle " + vehicle + "passed camera " + p.camera() + " with seals that differ from those customs recorded: "
                        + String.join("; ", differences),
                "Xe " + vehicle + "qua camera " + p.camera() + " có niêm phong khác với niêm phong hải quan đã ghi: "
                        + String.join("; ", differences),
                Evidence.of("gateEvent", Evidence.passage(p), "sealsSeen", seals(p.seals()),
                        "declarations", declarations.stream().map(d -> Evidence.of("number", d.number(),
                                "seals", seals(d.seals()))).toList()));
    }

    private void onArrival(Declared d, Outcome out) {
        String subject = "arrival:" + d.number();
        List<String> differences = new ArrayList<>();
        for (SealSeen recorded : d.seals()) {
            String found = d.arrival().seals().stream().filter(s -> s.container().equals(recorded.container()))
                    .map(SealSeen::seal).findFirst().orElse(null);
            if (found == null) {
                differences.add(recorded.container() + ": " + recorded.seal() + " recorded, none found");
            } else if (!found.equals(recorded.seal())) {
                differences.add(recorded.container() + ": " + recorded.seal() + " recorded, " + found + " found");
            }
        }
        if (differences.isEmpty()) {
            if (out.isOpen(subject)) {
                out.resolve(subject, "Declaration " + d.number() + " (version " + d.version() + ") shows the seals intact on arrival");
            }
            return;
        }
        out.raise(subject, d.enterprise(), d.arrival().at(), null,
                "Transit of declaration " + d.number() + " arrived at " + d.arrival().office() + " with seals that differ from "
                        + "those recorded: " + String.join("; ", differences),
                "Hàng quá cảnh theo tờ khai " + d.number() + " đến " + d.arrival().office() + " có niêm phong khác với niêm "
                        + "phong đã ghi: " + String.join("; ", differences),
                Evidence.of("declaration", d.number(), "office", d.arrival().office(), "arrivedAt", d.arrival().at().toString(),
                        "sealsRecorded", seals(d.seals()), "sealsFound", seals(d.arrival().seals())));
    }

    /** The seals seen that differ from the one recorded on the same container by any of the declarations. */
    private static List<String> differences(List<SealSeen> seen, List<Declared> declarations) {
        List<String> differences = new ArrayList<>();
        for (SealSeen s : seen) {
            for (Declared d : declarations) {
                String recorded = d.sealOn(s.container());
                if (recorded != null && !recorded.equals(s.seal())) {
                    differences.add(s.container() + ": " + recorded + " recorded on " + d.number() + ", " + s.seal() + " seen");
                }
            }
        }
        return differences;
    }

    private static List<Map<String, Object>> seals(List<SealSeen> seals) {
        return seals.stream().map(s -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("container", s.container());
            one.put("seal", s.seal());
            return one;
        }).toList();
    }
}
