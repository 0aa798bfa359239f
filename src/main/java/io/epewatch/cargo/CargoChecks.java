package io.epewatch.cargo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.epewatch.cargo.CargoInputs.VehicleInput;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.TaxCode;
import io.epewatch.kernel.Timestamps;
import io.epewatch.registry.Enterprises;

/** The checks every cargo document shares: its number, enterprise, time, plates and containers. */
final class CargoChecks {

    static final int MAX_ITEMS = 500;

    private CargoChecks() {
    }

    /** A document number as the issuing system writes it: letters, digits, {@code - / .}, up to 35 characters. */
    static String number(InputCheck check, String field, String raw) {
        return check.parse(field, raw, value -> {
            String number = value.strip().toUpperCase(Locale.ROOT);
            if (!number.matches("[A-Z0-9][A-Z0-9./-]{0,34}")) {
                throw new IllegalArgumentException("must be 1 to 35 letters, digits, '-', '/' or '.'");
            }
            return number;
        });
    }

    static String enterprise(InputCheck check, String raw, Enterprises enterprises) {
        TaxCode taxCode = check.parse("enterpriseTaxCode", raw, TaxCode::parse);
        if (taxCode != null && enterprises.findForSystem(taxCode.value()).isEmpty()) {
            check.reject("enterpriseTaxCode", "is not a registered export processing enterprise");
            return null;
        }
        return taxCode == null ? null : taxCode.value();
    }

    static Instant at(InputCheck check, String raw, Clock clock) {
        return check.parse("at", raw, value -> Timestamps.parsePast(value, clock));
    }

    static String plate(InputCheck check, String field, String raw) {
        return check.parseOptional(field, raw, value -> PlateNumber.parse(value).value());
    }

    /** Numbers a document states: one failing ISO 6346 is refused. */
    static List<String> declaredContainers(InputCheck check, String field, List<String> raws) {
        return check.parseEach(field, raws, value -> ContainerNumber.parseDeclared(value).value(), MAX_ITEMS);
    }

    /** Numbers as written or read by others (a carrier, a port gate): kept when they fail ISO 6346, to be warned about. */
    static List<String> writtenContainers(InputCheck check, String field, List<String> raws) {
        return check.parseEach(field, raws, value -> ContainerNumber.parse(value).value(), MAX_ITEMS);
    }

    static List<CargoVehicle> vehicles(InputCheck check, List<VehicleInput> inputs) {
        List<CargoVehicle> vehicles = new ArrayList<>();
        if (inputs == null) {
            return vehicles;
        }
        if (inputs.size() > MAX_ITEMS) {
            check.reject("vehicles", "at most " + MAX_ITEMS + " vehicles");
            return vehicles;
        }
        for (int i = 0; i < inputs.size(); i++) {
            VehicleInput v = inputs.get(i);
            if (v == null) {
                check.reject("vehicles[" + i + "]", "is empty");
                continue;
            }
            String plate = check.parse("vehicles[" + i + "].plate", v.plate(), value -> PlateNumber.parse(value).value());
            List<String> containers = writtenContainers(check, "vehicles[" + i + "].containerNumbers", v.containerNumbers());
            if (plate != null) {
                vehicles.add(new CargoVehicle(plate, containers));
            }
        }
        return vehicles;
    }

    /** A place code (UN/LOCODE or geofence code): letters, digits, {@code - _}. */
    static String place(InputCheck check, String field, String raw) {
        return check.parse(field, raw, value -> {
            String code = value.strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9][A-Z0-9_-]{1,63}")) {
                throw new IllegalArgumentException("must be a place code such as VNCLI or PORT-CAT-LAI");
            }
            return code;
        });
    }
}
