package io.epewatch.clearance;

import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.Declaration.Direction;
import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.declaration.Seal;

/**
 * A declaration processed by this system with where it stands (R5.3: the electronic dossier).
 *
 * @param declarant          the account that filed it
 * @param dueAt              when customs owes its answer on a yellow or red declaration (R5.1), or null
 * @param inspectionForm     set by the head for a red declaration (R5.6)
 * @param inspectionLevel    share of the shipment to inspect, in percent
 * @param seals              the seals customs applied (R5.7, R5.8)
 * @param cancellationReason a pending cancellation request's reason, or null
 * @param replaces           the number this one replaces (IDE/EDE), or null
 * @param transit            the transit asked for and customs' decision, or null
 * @param arrival            the transit's arrival and seal check at the destination office, or null
 */
public record Dossier(long id, String number, Direction direction, String typeCode, String enterpriseTaxCode,
                      String declarant, String reference, DossierState state, int version, DossierInput body,
                      Assessment assessment, Lane lane, LaneDecision laneDecision, Instant filedAt,
                      Instant registeredAt, Instant dueAt, Instant feesPaidAt, Instant documentsCheckedAt,
                      String inspectionForm, Integer inspectionLevel, Instant inspectionOrderedAt,
                      Instant inspectedAt, List<Seal> seals, Instant clearedAt, Instant releasedAt, Instant passedAt,
                      String cancellationReason, String replaces, String replacedBy, Instant updatedAt,
                      TransitRequest transit, TransitArrivalCheck arrival) {

    /**
     * The dossier as the enterprise's side may read it: the lane without why. The criteria that fired and the draw
     * are customs' targeting, like the risk warnings (issue 15), and are not shown to those it targets.
     */
    public Dossier withoutTargeting() {
        return new Dossier(id, number, direction, typeCode, enterpriseTaxCode, declarant, reference, state, version, body,
                assessment, lane, null, filedAt, registeredAt, dueAt, feesPaidAt, documentsCheckedAt, inspectionForm,
                inspectionLevel, inspectionOrderedAt, inspectedAt, seals, clearedAt, releasedAt, passedAt,
                cancellationReason, replaces, replacedBy, updatedAt, transit, arrival);
    }

    /** Whether customs is late with its answer at {@code now}. */
    public boolean overdue(Instant now) {
        return dueAt != null && now.isAfter(dueAt)
                && (state == DossierState.DOCUMENT_CHECK || state == DossierState.INSPECTION_ORDER
                || state == DossierState.INSPECTION);
    }
}
