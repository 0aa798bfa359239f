package io.epewatch.clearance;

import java.util.List;

import io.epewatch.declaration.Declaration.Lane;

/**
 * The lane given at official registration and why (R5.5, R5.8): every criterion that fired, and the random draw
 * that applies the minimum share per lane.
 *
 * @param draw      the random number drawn in [0, 1)
 * @param drawnLane the lane the draw alone gives (GREEN when it fell outside the random shares)
 */
public record LaneDecision(Lane lane, List<Fired> fired, double draw, Lane drawnLane) {

    /** A criterion that fired, with what it saw. */
    public record Fired(long criterionId, String kind, String parameter, Lane lane, String observed) {
    }
}
