package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.CameraStatus;
import io.epewatch.risk.engine.Fact.Note;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code MOVEMENT_DURING_OUTAGE} (R1.2, R1.3, R4.5): a gate passage or a warehouse note at a location while a camera
 * watching that location is down — goods moved where customs could not see. Judged when the passage or note comes,
 * and again when a camera state arrives late: an outage reported afterwards raises it, a return reported
 * afterwards that shows the camera was up resolves it.
 */
final class MovementDuringOutageRule implements Rule {

    static final String CODE = "MOVEMENT_DURING_OUTAGE";

    /** How far back a late camera state re-judges the movements at its location. */
    private static final java.time.Duration LOOK_BACK = java.time.Duration.ofDays(1);

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
            case Passage p -> judge(p, situation, out);
            case Note n -> judge(n, situation, out);
            case CameraStatus c -> {
                Site site = situation.site(c.enterprise());
                Instant from = c.at().minus(LOOK_BACK);
                for (Passage p : site.passages.between(from, situation.clock())) {
                    if (c.location().equals(p.location())) {
                        judge(p, situation, out);
                    }
                }
                for (Note n : site.notes.between(from, situation.clock())) {
                    if (c.location().equals(n.location())) {
                        judge(n, situation, out);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void judge(Passage p, Situation situation, Outcome out) {
        List<String> down = new java.util.ArrayList<>(situation.site(p.enterprise()).camerasDownAt(p.location(), p.at()));
        if (p.readByCamera()) {
            down.remove(p.camera()); // a camera that read the vehicle was not down (issue 15: no self-contradiction)
        }
        String subject = "gate:" + p.id();
        if (down.isEmpty()) {
            out.resolve(subject, "Camera states received later show the cameras at " + p.location() + " were up");
            return;
        }
        out.raise(subject, "down:" + p.location() + "|" + String.join(",", down), p.enterprise(), p.at(), p.id(),
                "Vehicle " + (p.plate() == null ? "(plate not read)" : p.plate()) + " passed " + p.location()
                        + " at " + Evidence.local(p.at()) + " while camera " + String.join(", ", down) + " was down",
                "Xe " + (p.plate() == null ? "(không đọc được biển số)" : p.plate()) + " qua " + p.location()
                        + " lúc " + Evidence.local(p.at()) + " khi camera " + String.join(", ", down) + " mất kết nối",
                Evidence.of("gateEvent", Evidence.passage(p), "camerasDown", down));
    }

    private void judge(Note n, Situation situation, Outcome out) {
        List<String> down = situation.site(n.enterprise()).camerasDownAt(n.location(), n.at());
        String subject = "note:" + n.number();
        if (down.isEmpty()) {
            out.resolve(subject, "Camera states received later show the cameras at " + n.location() + " were up");
            return;
        }
        String kind = n.kind() == Fact.NoteKind.DELIVERY ? "delivery" : "receipt";
        String kindVi = n.kind() == Fact.NoteKind.DELIVERY ? "Phiếu xuất kho" : "Phiếu nhập kho";
        out.raise(subject, "down:" + n.location() + "|" + String.join(",", down), n.enterprise(), n.at(), null,
                "Warehouse " + kind + " note " + n.number() + " at " + n.location() + " at " + Evidence.local(n.at())
                        + " while camera " + String.join(", ", down) + " was down",
                kindVi + " " + n.number() + " tại " + n.location() + " lúc " + Evidence.local(n.at()) + " khi camera "
                        + String.join(", ", down) + " mất kết nối",
                Evidence.of("note", Evidence.note(n), "camerasDown", down));
    }
}
