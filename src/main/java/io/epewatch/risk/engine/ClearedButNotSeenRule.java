package io.epewatch.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Declared;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code CLEARED_BUT_NOT_SEEN} (R4.4, R4.5): customs cleared a declaration naming containers or vehicles, but no gate
 * passage of the enterprise (OUT for an export, IN for an import) names any of them within the allowed hours after
 * clearance: the goods never left, or never arrived, where the cameras look. A passage recorded late resolves it.
 */
final class ClearedButNotSeenRule implements Rule {

    static final String CODE = "CLEARED_BUT_NOT_SEEN";

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
        return 65;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        switch (fact) {
            case Declared d when d.clearedAt() != null && !subjects(d).isEmpty() -> out.check("declaration:" + d.number(),
                    d.enterprise(), d.clearedAt().plus(situation.thresholds(d.enterprise()).clearedSeenWithin()));
            case Passage p -> {
                Thresholds t = situation.thresholds(p.enterprise());
                Instant from = p.at().minus(t.declarationBefore()).minus(t.clearedSeenWithin());
                Instant to = p.at().plus(t.declarationAfter());
                List<String> names = new ArrayList<>(Evidence.validContainers(p));
                if (p.plate() != null) {
                    names.add(p.plate());
                }
                for (Fact.Paper paper : Evidence.naming(situation.site(p.enterprise()).papers, names, List.of(),
                        x -> null, from, to)) {
                    if (paper instanceof Declared d && out.isOpen(d.reference()) && !seen(d, situation).isEmpty()) {
                        out.resolve(d.reference(), "Passage " + p.id() + " at camera " + p.camera() + " at "
                                + Evidence.local(p.at()) + " shows the goods");
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        Fact.Paper paper = situation.site(check.enterprise()).paperByReference.get(check.subject());
        if (!(paper instanceof Declared d) || d.clearedAt() == null || !seen(d, situation).isEmpty()) {
            return;
        }
        long hours = situation.thresholds(d.enterprise()).clearedSeenWithin().toHours();
        String flow = d.export() ? "leave" : "arrive";
        out.raise(check.subject(), d.enterprise(), d.clearedAt(), null,
                "Declaration " + d.number() + " was cleared at " + Evidence.local(d.clearedAt()) + " but no gate saw its "
                        + "goods " + flow + " within " + hours + " h",
                "Tờ khai " + d.number() + " đã thông quan lúc " + Evidence.local(d.clearedAt()) + " nhưng không thấy hàng "
                        + (d.export() ? "ra" : "vào") + " cổng trong " + hours + " giờ",
                Evidence.of("declaration", Evidence.paper(d), "clearedAt", d.clearedAt().toString()));
    }

    private static List<String> subjects(Declared d) {
        List<String> subjects = new ArrayList<>(d.containers());
        d.vehicles().forEach(v -> {
            subjects.add(v.plate());
            subjects.addAll(v.containers());
        });
        return subjects;
    }

    private static List<Passage> seen(Declared d, Situation situation) {
        Thresholds t = situation.thresholds(d.enterprise());
        Instant from = d.at().minus(t.declarationAfter());
        Instant to = d.clearedAt().plus(t.clearedSeenWithin()).plus(t.declarationAfter());
        Fact.Direction direction = d.export() ? Fact.Direction.OUT : Fact.Direction.IN;
        Window<Passage> passages = situation.site(d.enterprise()).passages;
        List<Passage> found = new ArrayList<>();
        for (String container : d.containers()) {
            found.addAll(passages.withKey(container, from, to));
        }
        for (Fact.Vehicle v : d.vehicles()) {
            v.containers().forEach(c -> found.addAll(passages.withKey(c, from, to)));
            found.addAll(Evidence.withPlate(passages, v.plate(), Passage::plate, from, to));
        }
        return found.stream().filter(p -> p.direction() == direction).toList();
    }
}
