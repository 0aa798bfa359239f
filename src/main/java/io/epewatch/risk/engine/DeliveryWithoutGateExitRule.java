package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Note;
import io.epewatch.risk.engine.Fact.NoteKind;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code DELIVERY_WITHOUT_GATE_EXIT} (R4.4): the warehouse delivered goods to a vehicle or container (a delivery
 * note naming one), but no gate camera saw that vehicle or container leave within the allowed time. Either the goods
 * are still inside off the books, or they left where no camera looks. A note naming neither is an internal move and
 * not judged. A passage recorded late resolves it.
 */
final class DeliveryWithoutGateExitRule implements Rule {

    static final String CODE = "DELIVERY_WITHOUT_GATE_EXIT";

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
        return 55;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Note n when n.kind() == NoteKind.DELIVERY && (n.plate() != null || !n.containers().isEmpty()) ->
                    out.check("note:" + n.number(), n.enterprise(),
                            n.at().plus(situation.thresholds(n.enterprise()).exitAfterDelivery()));
            case Passage p when p.direction() == Fact.Direction.OUT -> {
                Thresholds t = situation.thresholds(p.enterprise());
                for (Note n : Evidence.naming(situation.site(p.enterprise()).notes, Evidence.validContainers(p),
                        p.plate() == null ? List.of() : List.of(p.plate()), Note::plate,
                        p.at().minus(t.exitAfterDelivery()).minus(t.declarationAfter()), p.at().plus(t.noteBefore()))) {
                    if (out.isOpen("note:" + n.number()) && !exits(n, situation).isEmpty()) {
                        out.resolve("note:" + n.number(), "Passage " + p.id() + " at camera " + p.camera() + " at "
                                + Evidence.local(p.at()) + " carried the goods out");
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        Note n = situation.site(check.enterprise()).noteByNumber.get(check.subject().substring("note:".length()));
        if (n == null || n.kind() != NoteKind.DELIVERY || !exits(n, situation).isEmpty()) {
            return;
        }
        String what = n.containers().isEmpty() ? "vehicle " + n.plate() : "container " + String.join(", ", n.containers());
        String whatVi = n.containers().isEmpty() ? "xe " + n.plate() : "container " + String.join(", ", n.containers());
        Thresholds t = situation.thresholds(n.enterprise());
        out.raise(check.subject(), n.enterprise(), n.at(), null,
                "Delivery note " + n.number() + " gave goods to " + what + " at " + Evidence.local(n.at())
                        + ", but no gate saw it leave within " + t.exitAfterDelivery().toHours() + " h",
                "Phiếu xuất kho " + n.number() + " giao hàng cho " + whatVi + " lúc " + Evidence.local(n.at())
                        + " nhưng không thấy ra cổng trong " + t.exitAfterDelivery().toHours() + " giờ",
                Evidence.of("note", Evidence.note(n)));
    }

    /**
     * OUT passages naming the note's vehicle or containers up to the deadline; from as long before the note as a
     * note may lag its exit, since clerks enter notes after the truck has gone.
     */
    private static List<Passage> exits(Note n, Situation situation) {
        Thresholds t = situation.thresholds(n.enterprise());
        Window<Passage> passages = situation.site(n.enterprise()).passages;
        Instant from = n.at().minus(t.noteBefore());
        Instant to = n.at().plus(t.exitAfterDelivery()).plus(t.declarationAfter());
        List<Passage> found = new ArrayList<>();
        for (String container : n.containers()) {
            found.addAll(passages.withKey(container, from, to));
        }
        found.addAll(Evidence.withPlate(passages, n.plate(), Passage::plate, from, to));
        return found.stream().filter(p -> p.direction() == Fact.Direction.OUT).toList();
    }
}
