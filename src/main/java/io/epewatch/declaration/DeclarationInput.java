package io.epewatch.declaration;

import java.util.List;

/**
 * A declaration as an integration posts it. Fields are kept as text so that every bad one is reported at once,
 * each with its reason.
 */
public record DeclarationInput(String number, String typeCode, String enterpriseTaxCode, String direction,
                               String registeredAt, String status, String lane, List<String> vehiclePlates,
                               List<String> containerNumbers) {
}
