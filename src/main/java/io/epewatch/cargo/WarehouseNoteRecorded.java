package io.epewatch.cargo;

import org.springframework.modulith.events.Externalized;

/**
 * A warehouse receipt or delivery note was recorded or changed; the risk engine reads it through
 * {@link WarehouseNotes#asRecorded}.
 *
 * @param version the version recorded: a listener that finds a later one leaves it to that version's own event
 */
@Externalized("epewatch.cargo::#{enterpriseTaxCode()}")
public record WarehouseNoteRecorded(String enterpriseTaxCode, String number, int version) {
}
