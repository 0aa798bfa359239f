package io.epewatch.clearance.selectivity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.epewatch.clearance.LaneDecision;
import io.epewatch.clearance.LaneDecision.Fired;
import io.epewatch.declaration.Declaration.Lane;

/**
 * Gives a declaration its lane (R5.5, R5.8): the highest lane of the criteria that fire, raised by a random draw that
 * keeps a minimum share of declarations in yellow and red whatever the criteria say. Plain Java and deterministic
 * for a given draw, so the decision can be explained and previewed.
 */
public final class LaneRules {

    private final List<Criterion> criteria;
    private final double yellowShare;
    private final double redShare;

    /**
     * @param yellowShare the least share of declarations drawn for at least a document check
     * @param redShare    the least share drawn for a physical inspection
     */
    public LaneRules(List<Criterion> criteria, double yellowShare, double redShare) {
        if (yellowShare < 0 || redShare < 0 || yellowShare + redShare > 1) {
            throw new IllegalArgumentException("random shares must be at least 0 and together at most 1");
        }
        this.criteria = criteria.stream().filter(Criterion::enabled).toList();
        this.yellowShare = yellowShare;
        this.redShare = redShare;
    }

    /** @param draw a random number in [0, 1) */
    public LaneDecision decide(Subject subject, double draw) {
        List<Fired> fired = new ArrayList<>();
        Lane lane = Lane.GREEN;
        for (Criterion criterion : criteria) {
            String observed = observed(criterion, subject);
            if (observed != null) {
                fired.add(new Fired(criterion.id(), criterion.kind().name(), criterion.parameter(), criterion.lane(), observed));
                lane = higher(lane, criterion.lane());
            }
        }
        Lane drawn = draw < redShare ? Lane.RED : draw < redShare + yellowShare ? Lane.YELLOW : Lane.GREEN;
        return new LaneDecision(higher(lane, drawn), fired, draw, drawn);
    }

    /** What the subject shows that makes the criterion fire, or null when it does not. */
    static String observed(Criterion c, Subject s) {
        return switch (c.kind()) {
            case HS_CODE -> {
                List<String> prefixes = Arrays.asList(c.parameter().split(","));
                List<String> hit = s.hsCodes().stream().filter(hs -> prefixes.stream().anyMatch(hs::startsWith)).distinct().toList();
                yield hit.isEmpty() ? null : "HS " + String.join(", ", hit);
            }
            case ORIGIN -> {
                List<String> countries = Arrays.asList(c.parameter().split(","));
                List<String> hit = s.origins().stream().filter(countries::contains).distinct().toList();
                yield hit.isEmpty() ? null : "origin " + String.join(", ", hit);
            }
            case VALUE_ABOVE -> s.valueVnd().compareTo(new BigDecimal(c.parameter())) > 0
                    ? "value " + s.valueVnd().toPlainString() + " VND" : null;
            case DECLARANT_VIOLATIONS -> atLeast(s.declarantViolations(), c, "declarant discrepancies ");
            case COMPLIANCE_BELOW -> s.complianceScore() < Integer.parseInt(c.parameter())
                    ? "camera compliance score " + s.complianceScore() : null;
            case OPEN_CAMERA_INCIDENTS -> atLeast(s.openCameraIncidents(), c, "open camera incidents ");
            case RECENT_WARNINGS -> atLeast(s.recentWarnings(), c, "open gate warnings ");
        };
    }

    private static String atLeast(int value, Criterion c, String label) {
        return value >= Integer.parseInt(c.parameter()) ? label + value : null;
    }

    private static Lane higher(Lane a, Lane b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
