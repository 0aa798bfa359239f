package io.epewatch.risk.engine;

import java.time.Instant;
import java.time.LocalTime;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Note;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code OFF_HOURS_MOVEMENT} (R1.1, R4.5): goods move at a scrap or refuse location (a passage through its gate or a
 * warehouse note there) outside the hours the EPE declared for handling them, local time. Scrap leaving at night is
 * a classic way of taking goods out as waste.
 */
final class OffHoursMovementRule implements Rule {

    static final String CODE = "OFF_HOURS_MOVEMENT";

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
            case Passage p when p.scrapArea() && offHours(p.enterprise(), p.at(), situation) -> out.raise(
                    "gate:" + p.id(), p.enterprise(), p.at(), p.id(),
                    "Vehicle " + (p.plate() == null ? "(plate not read)" : p.plate()) + " moved through scrap area "
                            + p.location() + " at " + Evidence.local(p.at()) + ", outside the declared hours "
                            + hours(p.enterprise(), situation),
                    "Xe " + (p.plate() == null ? "(không đọc được biển số)" : p.plate()) + " qua khu phế liệu "
                            + p.location() + " lúc " + Evidence.local(p.at()) + ", ngoài giờ đã đăng ký "
                            + hours(p.enterprise(), situation),
                    Evidence.of("gateEvent", Evidence.passage(p), "declaredHours", hours(p.enterprise(), situation)));
            case Note n when n.scrapArea() && offHours(n.enterprise(), n.at(), situation) -> out.raise(
                    "note:" + n.number(), n.enterprise(), n.at(), null,
                    "Note " + n.number() + " moved scrap at " + n.location() + " at " + Evidence.local(n.at())
                            + ", outside the declared hours " + hours(n.enterprise(), situation),
                    "Phiếu " + n.number() + " xuất/nhập phế liệu tại " + n.location() + " lúc " + Evidence.local(n.at())
                            + ", ngoài giờ đã đăng ký " + hours(n.enterprise(), situation),
                    Evidence.of("note", Evidence.note(n), "declaredHours", hours(n.enterprise(), situation)));
            default -> {
            }
        }
    }

    private static boolean offHours(String enterprise, Instant at, Situation situation) {
        Thresholds t = situation.thresholds(enterprise);
        LocalTime local = Evidence.localTime(at);
        boolean inside = t.scrapHoursFrom().isBefore(t.scrapHoursTo())
                ? !local.isBefore(t.scrapHoursFrom()) && local.isBefore(t.scrapHoursTo())
                : !local.isBefore(t.scrapHoursFrom()) || local.isBefore(t.scrapHoursTo()); // hours across midnight
        return !inside;
    }

    private static String hours(String enterprise, Situation situation) {
        Thresholds t = situation.thresholds(enterprise);
        return t.scrapHoursFrom() + "–" + t.scrapHoursTo();
    }
}
