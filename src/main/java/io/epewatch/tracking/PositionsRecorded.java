package io.epewatch.tracking;

import org.springframework.modulith.events.Externalized;

/**
 * New positions were stored (duplicates left out), one batch at a time; the positions themselves are read with
 * {@link Positions#ofBatch}, so the event outbox holds a number, not thousands of fixes.
 *
 * @param batch identifies the batch, so that a redelivery of this event is recognised
 * @param count how many positions it stored
 */
@Externalized("epewatch.positions::#{batch()}")
public record PositionsRecorded(long batch, int count) {
}
