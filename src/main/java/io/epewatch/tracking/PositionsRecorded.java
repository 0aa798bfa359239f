package io.epewatch.tracking;

import java.util.List;

/**
 * New positions were stored (duplicates left out), one batch at a time.
 *
 * @param batch identifies the batch, so that a redelivery of this event is recognised
 */
public record PositionsRecorded(String batch, List<Position> positions) {
}
