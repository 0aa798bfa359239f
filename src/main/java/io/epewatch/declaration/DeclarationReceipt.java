package io.epewatch.declaration;

/** What happened to a posted declaration: {@code CREATED}, {@code UPDATED} (new version) or {@code UNCHANGED}. */
public record DeclarationReceipt(String outcome, Declaration declaration) {
}
