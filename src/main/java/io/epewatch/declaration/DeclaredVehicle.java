package io.epewatch.declaration;

import java.util.List;

/** A vehicle a declaration names, with the containers it carries (empty when the declaration does not say). */
public record DeclaredVehicle(String plate, List<String> containerNumbers) {
}
