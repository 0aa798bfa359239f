package io.epewatch.gate;

/** The stored passage, and whether this call created it or repeated an earlier call with the same key. */
public record GateReceipt(boolean created, GateEvent event) {
}
