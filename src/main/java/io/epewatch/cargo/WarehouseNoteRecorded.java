package io.epewatch.cargo;

/** A warehouse note was received for the first time or in a new version. */
public record WarehouseNoteRecorded(WarehouseNote note) {
}
