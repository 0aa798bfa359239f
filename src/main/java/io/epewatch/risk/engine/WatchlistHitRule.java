package io.epewatch.risk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.kernel.TolerantMatch;
import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Passage;
import io.epewatch.risk.engine.Fact.Watch;

/**
 * {@code WATCHLIST_HIT} (R4.5, R5.8): a plate or container on the HQ analysts' watch list appears at a gate, at a
 * port or ICD, on a document or a warehouse note, or in the GPS feed. Gate reads are OCR and match allowing one slip
 * ({@link TolerantMatch}); documents and GPS name plates exactly. A new entry is also looked for among the recent
 * passages, so an analyst learns where the vehicle was seen in the last days.
 */
final class WatchlistHitRule implements Rule {

    static final String CODE = "WATCHLIST_HIT";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public int score() {
        return 90;
    }

    @Override
    public void on(Fact fact, Situation situation, Outcome out) {
        Map<String, Watch> list = situation.watchlist();
        if (list.isEmpty()) {
            return;
        }
        switch (fact) {
            case Passage p -> onPassage(p, list.values(), out);
            case Fact.AreaPassage a -> {
                List<Watch> hits = new ArrayList<>(readHits(a.plate(), a.containers(), list.values()));
                if (!hits.isEmpty()) {
                    raise(out, "area:" + a.id(), a.enterprise(), a.at(), null, "at " + a.place(), "tại " + a.place(),
                            hits, Evidence.of("areaPassage", a.id(), "place", a.place()));
                }
            }
            case Fact.Paper paper -> {
                List<Watch> hits = list.values().stream().filter(w -> paper.names(w.value())).toList();
                if (!hits.isEmpty()) {
                    raise(out, paper.reference(), paper.enterprise(), paper.at(), null, "on " + paper.reference(),
                            "trên " + paper.reference(), hits, Evidence.of("paper", Evidence.paper(paper)));
                }
            }
            case Fact.Note n -> {
                List<Watch> hits = list.values().stream()
                        .filter(w -> w.value().equals(n.plate()) || n.containers().contains(w.value())).toList();
                if (!hits.isEmpty()) {
                    raise(out, "note:" + n.number(), n.enterprise(), n.at(), null, "on warehouse note " + n.number(),
                            "trên phiếu kho " + n.number(), hits, Evidence.of("note", Evidence.note(n)));
                }
            }
            case Fact.Fix f -> {
                Watch hit = list.get(f.plate());
                TripRun run = situation.tripOf(f.plate());
                if (hit != null && !hit.container() && run != null) {
                    // one warning per vehicle and local day: positions come every few seconds. A vehicle on no trip
                    // belongs to no enterprise yet: its passages will say where it is
                    String day = Evidence.local(f.at()).substring(6);
                    raise(out, "gps:" + f.plate() + "|" + day, run.trip.enterprise(), f.at(), null, "in the GPS feed",
                            "trong dữ liệu GPS", List.of(hit), Evidence.of("plate", f.plate(), "day", day));
                }
            }
            case Watch w when w.active() -> {
                for (Site site : situation.sites()) {
                    for (Passage p : site.passages.between(situation.clock().minus(site.thresholds.retention()),
                            situation.clock())) {
                        onPassage(p, List.of(w), out);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void onPassage(Passage p, java.util.Collection<Watch> list, Outcome out) {
        List<Watch> hits = readHits(p.plate(), p.containers(), list);
        if (!hits.isEmpty()) {
            raise(out, "gate:" + p.id(), p.enterprise(), p.at(), p.id(), "at camera " + p.camera(),
                    "tại camera " + p.camera(), hits, Evidence.of("gateEvent", Evidence.passage(p)));
        }
    }

    private static List<Watch> readHits(String plate, List<Fact.Container> containers, java.util.Collection<Watch> list) {
        List<Watch> hits = new ArrayList<>();
        for (Watch w : list) {
            boolean hit = w.container()
                    ? containers.stream().anyMatch(c -> TolerantMatch.matches(c.number(), w.value()))
                    : plate != null && TolerantMatch.matches(plate, w.value());
            if (hit) {
                hits.add(w);
            }
        }
        return hits;
    }

    private void raise(Outcome out, String subject, String enterprise, java.time.Instant at, Long gateEventId,
                       String where, String whereVi, List<Watch> hits, Map<String, Object> evidence) {
        String values = String.join(", ", hits.stream().map(Watch::value).toList());
        Map<String, Object> all = new java.util.LinkedHashMap<>(evidence);
        all.put("watchlist", hits.stream().map(w -> Evidence.of("value", w.value(),
                "reason", w.reason() == null ? "" : w.reason())).toList());
        out.raise(subject, enterprise, at, gateEventId,
                "Watch-listed " + values + " seen " + where + " at " + Evidence.local(at),
                "Đối tượng theo dõi " + values + " xuất hiện " + whereVi + " lúc " + Evidence.local(at), all);
    }
}
