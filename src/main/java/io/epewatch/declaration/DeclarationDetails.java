package io.epewatch.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.declaration.DeclarationInput.GoodsLineInput;
import io.epewatch.declaration.DeclarationInput.SealInput;
import io.epewatch.declaration.DeclarationInput.TransitInput;
import io.epewatch.declaration.DeclarationInput.VehicleInput;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.PlateNumber;
import io.epewatch.kernel.Timestamps;

/**
 * Checks the detail parts of a declaration (goods lines, vehicles, seals, transit), naming each bad field. Public so
 * that a declaration filed by a declarant (the clearance module) is checked by the same rules as one taken in.
 */
public final class DeclarationDetails {

    private static final int MAX_LINES = 1_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e12");

    private DeclarationDetails() {
    }

    public static List<GoodsLine> goods(InputCheck check, List<GoodsLineInput> lines) {
        List<GoodsLine> goods = new ArrayList<>();
        if (lines == null) {
            return goods;
        }
        if (lines.size() > MAX_LINES) {
            check.reject("goods", "at most " + MAX_LINES + " lines");
            return goods;
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "goods[" + i + "].";
            GoodsLineInput line = lines.get(i);
            if (line == null) {
                check.reject("goods[" + i + "]", "is empty");
                continue;
            }
            String hs = check.parse(at + "hsCode", line.hsCode(), DeclarationDetails::hsCode);
            check.requireText(at + "description", line.description(), 2_000);
            BigDecimal quantity = check.parse(at + "quantity", line.quantity(), raw -> amount(raw, true));
            check.requireText(at + "unit", line.unit(), 16);
            BigDecimal net = check.parseOptional(at + "netWeightKg", line.netWeightKg(), raw -> amount(raw, false));
            BigDecimal gross = check.parseOptional(at + "grossWeightKg", line.grossWeightKg(), raw -> amount(raw, false));
            if (net != null && gross != null && net.compareTo(gross) > 0) {
                check.reject(at + "netWeightKg", "is more than the gross weight");
            }
            if (hs != null && quantity != null && line.description() != null && line.unit() != null) {
                goods.add(new GoodsLine(i + 1, hs, line.description().strip(), quantity, line.unit().strip(), net, gross));
            }
        }
        return goods;
    }

    public static List<DeclaredVehicle> vehicles(InputCheck check, List<VehicleInput> inputs) {
        List<DeclaredVehicle> vehicles = new ArrayList<>();
        if (inputs == null) {
            return vehicles;
        }
        if (inputs.size() > MAX_LINES) {
            check.reject("vehicles", "at most " + MAX_LINES + " vehicles");
            return vehicles;
        }
        for (int i = 0; i < inputs.size(); i++) {
            VehicleInput v = inputs.get(i);
            if (v == null) {
                check.reject("vehicles[" + i + "]", "is empty");
                continue;
            }
            String plate = check.parse("vehicles[" + i + "].plate", v.plate(), raw -> PlateNumber.parse(raw).value());
            List<String> containers = check.parseEach("vehicles[" + i + "].containerNumbers",
                    v.containerNumbers(), raw -> ContainerNumber.parseDeclared(raw).value(), MAX_LINES);
            if (plate != null) {
                vehicles.add(new DeclaredVehicle(plate, containers));
            }
        }
        return vehicles;
    }

    public static List<Seal> seals(InputCheck check, List<SealInput> inputs) {
        return seals(check, "seals", inputs);
    }

    /** The seals, each problem named under {@code field} ({@code seals}, {@code arrival.seals}). */
    public static List<Seal> seals(InputCheck check, String field, List<SealInput> inputs) {
        List<Seal> seals = new ArrayList<>();
        if (inputs == null) {
            return seals;
        }
        if (inputs.size() > MAX_LINES) {
            check.reject(field, "at most " + MAX_LINES + " seals");
            return seals;
        }
        for (int i = 0; i < inputs.size(); i++) {
            SealInput s = inputs.get(i);
            if (s == null) {
                check.reject(field + "[" + i + "]", "is empty");
                continue;
            }
            String container = check.parse(field + "[" + i + "].containerNumber", s.containerNumber(),
                    raw -> ContainerNumber.parseDeclared(raw).value());
            String seal = check.parse(field + "[" + i + "].sealNumber", s.sealNumber(), io.epewatch.kernel.SealNumber::parse);
            if (container != null && seal != null) {
                seals.add(new Seal(container, seal));
            }
        }
        return seals;
    }

    public static TransitRoute transit(InputCheck check, TransitInput input, Instant registeredAt) {
        if (input == null) {
            return null;
        }
        String origin = zone(check, "transit.origin", input.origin());
        String destination = zone(check, "transit.destination", input.destination());
        Instant deadline = check.parse("transit.deadline", input.deadline(), Timestamps::parse);
        if (deadline != null && registeredAt != null && !deadline.isAfter(registeredAt)) {
            check.reject("transit.deadline", "must be after registeredAt");
        }
        if (origin != null && origin.equals(destination)) {
            check.reject("transit.destination", "is the origin: a transit goes somewhere else");
        }
        if (input.route() != null) {
            check.maxLength("transit.route", input.route(), 2_000);
        }
        return origin == null || destination == null || deadline == null ? null
                : new TransitRoute(origin, destination, deadline, input.route() == null ? null : input.route().strip());
    }

    /** The destination office's arrival confirmation: when, which office, and the seals it found. */
    public static TransitArrival arrival(InputCheck check, DeclarationInput.ArrivalInput input, Instant registeredAt,
                                         java.time.Clock clock) {
        if (input == null) {
            return null;
        }
        Instant at = check.parse("arrival.arrivedAt", input.arrivedAt(), raw -> Timestamps.parsePast(raw, clock));
        if (at != null && registeredAt != null && at.isBefore(registeredAt)) {
            check.reject("arrival.arrivedAt", "is before registeredAt");
        }
        String office = check.requireText("arrival.office", input.office(), 200) ? input.office().strip() : null;
        List<Seal> found = seals(check, "arrival.seals", input.seals());
        return at == null || office == null ? null : new TransitArrival(at, office, found);
    }

    private static String zone(InputCheck check, String field, String raw) {
        return check.parse(field, raw, value -> {
            String code = value.strip().toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[A-Z0-9][A-Z0-9_-]{1,63}")) {
                throw new io.epewatch.kernel.InvalidValue("geofenceCode", "must be a geofence code such as PORT-CAT-LAI (letters, digits, - and _)");
            }
            return code;
        });
    }

    /** An HS code as declared, dots allowed ({@code 8542.31.00}): the 8 digits of the Vietnamese tariff. */
    public static String hsCode(String raw) {
        String digits = raw.strip().replace(".", "");
        if (!digits.matches("\\d{8}")) {
            throw new io.epewatch.kernel.InvalidValue("hsCode", "must be the 8-digit HS code of the Vietnamese tariff (AHTN), like 85423100");
        }
        return digits;
    }

    /** A decimal as declared: a plain number, positive (or at least not negative), at most a trillion. */
    public static BigDecimal amount(String raw, boolean positive) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new io.epewatch.kernel.InvalidValue("number", "must be a number, like 1250.5");
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            throw positive ? new io.epewatch.kernel.InvalidValue("positive", "must be greater than 0")
                    : new io.epewatch.kernel.InvalidValue("notNegative", "must not be negative");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new io.epewatch.kernel.InvalidValue("tooLarge", "is too large");
        }
        return new BigDecimal(value.toPlainString()); // no exponent: the stored JSON reads back equal
    }
}
