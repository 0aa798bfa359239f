package io.epewatch.risk.engine;

import java.util.ArrayList;
import java.util.List;

import io.epewatch.kernel.ContainerNumber;
import io.epewatch.risk.Severity;

/**
 * {@code CONTAINER_NUMBER_INVALID} (R1.2, R4.5): a container number read at an EPE gate or at a port/ICD gate, or
 * listed on a manifest, fails ISO 6346 (category letter or check digit). Read at a gate, the reader may have misread
 * it and an officer checks the image; on a document, the number itself is false.
 */
final class ContainerNumberInvalidRule implements Rule {

    static final String CODE = "CONTAINER_NUMBER_INVALID";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public int score() {
        return 40;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Fact.Passage p -> {
                List<String> invalid = invalidReads(p.containers());
                if (!invalid.isEmpty()) {
                    out.raise("gate:" + p.id(), "read:" + String.join(",", invalid) + "|" + p.camera(), p.enterprise(), p.at(), p.id(),
                            "Container number " + String.join(", ", invalid) + " read at camera " + p.camera()
                                    + " fails the ISO 6346 check",
                            "Số container " + String.join(", ", invalid) + " đọc tại camera " + p.camera()
                                    + " không đúng chuẩn ISO 6346",
                            Evidence.of("gateEvent", Evidence.passage(p), "invalidContainers", reasons(invalid)));
                }
            }
            case Fact.AreaPassage a -> {
                List<String> invalid = invalidReads(a.containers());
                if (!invalid.isEmpty()) {
                    out.raise("area:" + a.id(), a.enterprise(), a.at(), null,
                            "Container number " + String.join(", ", invalid) + " confirmed at " + a.place()
                                    + " fails the ISO 6346 check",
                            "Số container " + String.join(", ", invalid) + " xác nhận tại " + a.place()
                                    + " không đúng chuẩn ISO 6346",
                            Evidence.of("areaPassage", a.id(), "place", a.place(), "invalidContainers", reasons(invalid)));
                }
            }
            case Fact.Manifested m -> {
                List<String> all = new ArrayList<>(m.containers());
                m.vehicles().forEach(v -> v.containers().stream().filter(c -> !all.contains(c)).forEach(all::add));
                List<String> invalid = all.stream().filter(c -> !valid(c)).toList();
                if (!invalid.isEmpty()) {
                    out.raise("manifest:" + m.number(), m.enterprise(), m.at(), null,
                            "Manifest " + m.number() + " lists container " + String.join(", ", invalid)
                                    + ", which fails the ISO 6346 check",
                            "Bản lược khai " + m.number() + " có số container " + String.join(", ", invalid)
                                    + " không đúng chuẩn ISO 6346",
                            Evidence.of("manifest", Evidence.paper(m), "invalidContainers", reasons(invalid)));
                }
            }
            default -> {
            }
        }
    }

    private static List<String> invalidReads(List<Fact.Container> containers) {
        return containers.stream().filter(c -> !c.valid()).map(Fact.Container::number).toList();
    }

    private static boolean valid(String number) {
        try {
            return ContainerNumber.parse(number).valid();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Object> reasons(List<String> numbers) {
        return numbers.stream().<Object>map(n -> {
            String reason;
            try {
                reason = ContainerNumber.parse(n).invalidReason();
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
            return Evidence.of("number", n, "reason", reason == null ? "" : reason);
        }).toList();
    }
}
