package io.epewatch.cargo;

/** A port or ICD confirmed goods passing its supervised gate. */
public record AreaPassageConfirmed(AreaConfirmation confirmation) {
}
