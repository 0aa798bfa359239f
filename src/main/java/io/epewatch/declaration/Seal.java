package io.epewatch.declaration;

/** A customs or carrier seal on a container (R5.7: transit goods keep their seals). */
public record Seal(String containerNumber, String sealNumber) {
}
