package io.epewatch.cargo;

import java.util.List;

/** A vehicle a cargo document names, with the containers it carries. */
public record CargoVehicle(String plate, List<String> containerNumbers) {
}
