package io.epewatch.risk.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code UNREAD_PASSAGES} (R1.2, R4.5; issue 21): at one gate, more vehicles than {@code unreadPerHour} within an
 * hour whose plate and containers the camera read nothing of. One unread truck is a dirty plate; many in an hour
 * are a camera that needs cleaning, light or aiming — or plates hidden on purpose. One warning per run; each further
 * unread passage merges into it. Judged on every unread passage with those an hour either side, so passages told
 * out of order warn the same.
 */
final class UnreadPassagesRule implements Rule {

    static final String CODE = "UNREAD_PASSAGES";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_EVIDENCE = 50;

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
        if (!(fact instanceof Passage p) || !unread(p)) {
            return;
        }
        int threshold = situation.thresholds(p.enterprise()).unreadPerHour();
        List<Passage> near = situation.site(p.enterprise()).passages.between(p.at().minus(HOUR), p.at().plus(HOUR)).stream()
                .filter(UnreadPassagesRule::unread).filter(o -> o.location().equals(p.location()))
                .sorted(Comparator.comparing(Passage::at).thenComparingLong(Passage::id)).toList();
        List<Passage> run = busiestHourWith(p, near);
        if (run.size() <= threshold) {
            return;
        }
        String subject = subject(p.location(), run, out);
        List<Object> passages = new ArrayList<>();
        run.stream().limit(MAX_EVIDENCE).forEach(r -> passages.add(Evidence.of("id", r.id(), "direction", r.direction().name(),
                "capturedAt", r.at().toString(), "cameraNumber", r.camera())));
        out.raise(subject, p.enterprise(), run.get(0).at(), run.get(0).id(),
                run.size() + " vehicles passed " + p.location() + " within an hour with neither plate nor container read"
                        + " (more than " + threshold + "): check the gate camera, its light and its view",
                run.size() + " xe qua " + p.location() + " trong một giờ mà không đọc được biển số hay số container"
                        + " (quá " + threshold + "): kiểm tra ca-mê-ra cổng, ánh sáng và góc nhìn",
                Evidence.of("location", p.location(), "threshold", threshold, "passages", passages));
    }

    /** A vehicle the camera saw and read nothing of; a passage logged by hand says nothing of the camera. */
    private static boolean unread(Passage p) {
        return p.plate() == null && p.containers().isEmpty() && p.readByCamera();
    }

    /** The one-hour span holding {@code p} with the most unread passages, earliest first. */
    private static List<Passage> busiestHourWith(Passage p, List<Passage> near) {
        List<Passage> best = List.of(p);
        for (Passage start : near) {
            if (start.at().isAfter(p.at()) || start.at().plus(HOUR).isBefore(p.at())) {
                continue;
            }
            List<Passage> span = near.stream().filter(o -> !o.at().isBefore(start.at()) && o.at().isBefore(start.at().plus(HOUR))).toList();
            if (span.size() > best.size()) {
                best = span;
            }
        }
        return best;
    }

    /** The open run at this gate that one of these passages already belongs to, or a new one named after the first. */
    private static String subject(String location, List<Passage> run, Outcome out) {
        for (Passage r : run) {
            if (out.isOpen("unread:" + location + "|" + r.id())) {
                return "unread:" + location + "|" + r.id();
            }
        }
        return "unread:" + location + "|" + run.get(0).id();
    }
}
