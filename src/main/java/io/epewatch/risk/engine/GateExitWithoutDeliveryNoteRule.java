package io.epewatch.risk.engine;

import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Note;
import io.epewatch.risk.engine.Fact.NoteKind;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code GATE_EXIT_WITHOUT_DELIVERY_NOTE} (R4.4): a loaded vehicle (one with a container) leaves the EPE, but no
 * warehouse delivery note of the enterprise names its container or its plate in the window before the exit (or
 * shortly after, as feeds lag). Goods left without leaving the warehouse's books. A note arriving late resolves it.
 * Vehicles leaving without a container are not judged: they are mostly empty trucks after a delivery. Nor are
 * enterprises whose warehouse notes have not reached customs yet: without the feed, a missing note proves nothing.
 */
final class GateExitWithoutDeliveryNoteRule implements Rule {

    static final String CODE = "GATE_EXIT_WITHOUT_DELIVERY_NOTE";

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
        return 50;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Passage p when p.direction() == Fact.Direction.OUT && !Evidence.validContainers(p).isEmpty()
                    && situation.site(p.enterprise()).notesConnected && notes(p, situation).isEmpty() -> out.raise("gate:" + p.id(),
                    "container:" + String.join(",", Evidence.validContainers(p).stream().sorted().toList()), p.enterprise(), p.at(), p.id(),
                    "Container " + String.join(", ", Evidence.validContainers(p)) + " left through camera "
                            + p.camera() + " with no warehouse delivery note",
                    "Container " + String.join(", ", Evidence.validContainers(p)) + " ra qua camera " + p.camera()
                            + " mà không có phiếu xuất kho",
                    Evidence.of("gateEvent", Evidence.passage(p)));
            case Note n when n.kind() == NoteKind.DELIVERY -> {
                Thresholds t = situation.thresholds(n.enterprise());
                for (Passage p : Evidence.naming(situation.site(n.enterprise()).passages, n.containers(),
                        n.plate() == null ? List.of() : List.of(n.plate()), Passage::plate,
                        n.at().minus(t.declarationAfter()), n.at().plus(t.noteBefore()))) {
                    if (out.isOpen("gate:" + p.id()) && !notes(p, situation).isEmpty()) {
                        out.resolve("gate:" + p.id(), "Delivery note " + n.number() + " of " + Evidence.local(n.at())
                                + " names the goods");
                    }
                }
            }
            default -> {
            }
        }
    }

    private static List<Note> notes(Passage p, Situation situation) {
        Thresholds t = situation.thresholds(p.enterprise());
        Window<Note> notes = situation.site(p.enterprise()).notes;
        java.time.Instant from = p.at().minus(t.noteBefore());
        java.time.Instant to = p.at().plus(t.declarationAfter());
        List<Note> found = new java.util.ArrayList<>();
        for (String container : Evidence.validContainers(p)) {
            found.addAll(notes.withKey(container, from, to));
        }
        found.addAll(Evidence.withPlate(notes, p.plate(), Note::plate, from, to));
        return found.stream().filter(n -> n.kind() == NoteKind.DELIVERY).toList();
    }
}
