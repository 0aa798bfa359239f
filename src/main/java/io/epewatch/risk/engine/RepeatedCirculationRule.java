package io.epewatch.risk.engine;

import java.util.ArrayList;
import java.util.List;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Passage;

/**
 * {@code REPEATED_CIRCULATION} (R4.4, R4.5): the same container passes the gates of one enterprise too many times in
 * a short time (in and out, in and out): a container used to carry goods more than once under one declaration, or a
 * shuttle that feeds goods out. One warning per run of passages; each further passage merges into it.
 */
final class RepeatedCirculationRule implements Rule {

    static final String CODE = "REPEATED_CIRCULATION";
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
        return 45;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        if (!(fact instanceof Passage p)) {
            return;
        }
        Thresholds t = situation.thresholds(p.enterprise());
        for (String container : Evidence.validContainers(p)) {
            List<Passage> run = situation.site(p.enterprise()).passages.withKey(container,
                    p.at().minus(t.circulationWithin()), p.at().plus(t.circulationWithin()));
            if (run.size() < t.circulationCount()) {
                continue;
            }
            // the open warning is looked for in the whole run: a shuttle's first passages are no longer evidence
            String subject = subject(container, run, out);
            if (run.size() > MAX_EVIDENCE) {
                run = run.subList(run.size() - MAX_EVIDENCE, run.size()); // a shuttle running all day: the latest tell
            }
            List<Object> passages = new ArrayList<>();
            run.forEach(r -> passages.add(Evidence.of("id", r.id(), "direction", r.direction().name(),
                    "capturedAt", r.at().toString(), "cameraNumber", r.camera())));
            long hours = t.circulationWithin().toHours();
            out.raise(subject, p.enterprise(), run.get(0).at(), run.get(0).id(),
                    "Container " + container + " passed the gates " + run.size() + " times within " + hours + " h",
                    "Container " + container + " qua cổng " + run.size() + " lần trong " + hours + " giờ",
                    Evidence.of("container", container, "passages", passages));
        }
    }

    /** The open run this container already has a warning for, or a new one named after its first passage. */
    private static String subject(String container, List<Passage> run, Outcome out) {
        for (Passage r : run) {
            if (out.isOpen("container:" + container + "|" + r.id())) {
                return "container:" + container + "|" + r.id();
            }
        }
        return "container:" + container + "|" + run.get(0).id();
    }
}
