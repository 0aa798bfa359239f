package io.epewatch.gate;

/** A seal number seen on a container at the gate (R5.8): what the gate officer or the reader reports. */
public record GateSeal(String containerNumber, String sealNumber) {
}
