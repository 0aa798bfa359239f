package io.epewatch.risk.engine;

import java.util.HashSet;
import java.util.Set;

import io.epewatch.risk.Severity;
import io.epewatch.risk.engine.Fact.Coverage;
import io.epewatch.risk.engine.Fact.Place;

/**
 * {@code COVERAGE_GAP} (R1.1, R1.3, R1.7): a gate, warehouse door or yard with no camera in service that customs can
 * connect to — none numbered there, all retired, or none with an address. Judged on each coverage the site diagram
 * reports (after every change, and once a day so that a gap open longer than the engine's memory is still known):
 * a place watched again resolves its warning, and so does a place no longer required (renamed, re-classified).
 */
final class CoverageGapRule implements Rule {

    static final String CODE = "COVERAGE_GAP";

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
        if (!(fact instanceof Coverage coverage)) {
            return;
        }
        Site site = situation.site(coverage.enterprise());
        Set<String> gaps = new HashSet<>();
        for (Place place : coverage.places()) {
            String subject = subject(coverage.enterprise(), place.location());
            if (place.gap() == null) {
                out.resolve(subject, "Camera " + String.join(", ", place.cameras()) + " now watches " + place.location());
                continue;
            }
            gaps.add(subject);
            if (out.isOpen(subject)) {
                raise(subject, coverage.enterprise(), place, site.gapsSince.get(place.location()), out); // a changed cause merges
            } else {
                out.check(subject, coverage.enterprise(), site.gapsSince.get(place.location()).plus(site.thresholds.coverageGrace()));
            }
        }
        for (String open : out.openSubjects(coverage.enterprise())) {
            if (!gaps.contains(open)) {
                out.resolve(open, "The site diagram no longer has this place among those that must be watched");
            }
        }
    }

    @Override
    public void due(Agenda.Check check, Situation situation, Outcome out) {
        Site site = situation.site(check.enterprise());
        String location = check.subject().substring(check.subject().indexOf("/place:") + "/place:".length());
        Place place = site.places.get(location);
        java.time.Instant since = site.gapsSince.get(location);
        if (place != null && place.gap() != null && since != null
                && !since.plus(site.thresholds.coverageGrace()).isAfter(check.at())) {
            raise(check.subject(), check.enterprise(), place, since, out);
        }
    }

    private static void raise(String subject, String enterprise, Place place, java.time.Instant since, Outcome out) {
        out.raise(subject, enterprise, since, null, english(place), vietnamese(place),
                Evidence.of("location", place.location(), "kind", place.kind(), "gap", place.gap(), "since", Evidence.local(since)));
    }

    private static String subject(String enterprise, String location) {
        return enterprise + "/place:" + location;
    }

    private static String english(Place place) {
        String why = switch (place.gap()) {
            case "ALL_RETIRED" -> "all its cameras are retired";
            case "NO_ADDRESS" -> "none of its cameras has an address customs can connect to";
            default -> "no camera is numbered there on the site diagram";
        };
        return "No camera watches " + place.location() + " (" + kind(place.kind(), false) + "): " + why;
    }

    private static String vietnamese(Place place) {
        String why = switch (place.gap()) {
            case "ALL_RETIRED" -> "mọi ca-mê-ra ở đó đã ngừng sử dụng";
            case "NO_ADDRESS" -> "không ca-mê-ra nào ở đó có địa chỉ để hải quan kết nối";
            default -> "sơ đồ chưa có ca-mê-ra nào ở đó";
        };
        return "Không có ca-mê-ra giám sát " + place.location() + " (" + kind(place.kind(), true) + "): " + why;
    }

    private static String kind(String kind, boolean vietnamese) {
        return switch (kind) {
            case "GATE" -> vietnamese ? "cổng" : "gate";
            case "WAREHOUSE_GATE" -> vietnamese ? "cửa kho" : "warehouse door";
            case "YARD" -> vietnamese ? "bãi" : "yard";
            default -> kind;
        };
    }
}
