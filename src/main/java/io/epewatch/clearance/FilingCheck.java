package io.epewatch.clearance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.epewatch.declaration.Declaration.Direction;
import io.epewatch.declaration.DeclarationDetails;
import io.epewatch.declaration.DeclarationInput.GoodsLineInput;
import io.epewatch.declaration.DeclaredVehicle;
import io.epewatch.declaration.GoodsLine;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.TaxCode;

/**
 * Checks what a declarant filed, field by field (R5.5: refusals say why): mandatory fields, type code against the
 * direction, HS codes, currency, amounts, origins; and computes the returned values. What needs the database (the
 * enterprise's standing and registered goods) is checked by {@link Dossiers} into the same {@link InputCheck}.
 */
final class FilingCheck {

    /** EPE type codes of imports and exports ({@code ../shared/VNACCS.md} §3). */
    static final Set<String> IMPORT_TYPES = Set.of("E11", "E13", "E15", "E21", "E23", "E31", "E33", "E41");
    static final Set<String> EXPORT_TYPES = Set.of("E42", "E52", "E54", "E56", "E62", "E82");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_LINES = 1_000;

    /** A filing that passed the checks of this class. */
    record Filed(Direction direction, String typeCode, String taxCode, List<GoodsLine> goods, List<String> origins,
                 List<DeclaredVehicle> vehicles, Assessment assessment) {
    }

    private FilingCheck() {
    }

    /** The checked filing, or null when {@code check} holds a problem (the caller adds its own and throws). */
    static Filed check(InputCheck check, DossierInput input, ClearanceProperties settings) {
        if (input == null) {
            check.reject("body", "is empty");
            return null;
        }
        if (input.reference() != null) {
            check.maxLength("reference", input.reference(), 64);
        }
        Direction direction = check.parse("direction", input.direction(),
                raw -> InputCheck.parseEnum(Direction.class, raw, "IMPORT or EXPORT"));
        String type = check.parse("typeCode", input.typeCode(), raw -> raw.strip().toUpperCase(Locale.ROOT));
        if (type != null && direction != null) {
            Set<String> allowed = direction == Direction.IMPORT ? IMPORT_TYPES : EXPORT_TYPES;
            if (!allowed.contains(type)) {
                String codes = String.join(", ", new java.util.TreeSet<>(allowed));
                check.reject("typeCode", "typeCode", "is not an EPE " + direction.name().toLowerCase(Locale.ROOT)
                        + " type code; one of " + codes, codes);
            }
        }
        TaxCode taxCode = check.parse("enterpriseTaxCode", input.enterpriseTaxCode(), TaxCode::parse);
        check.requireText("invoiceNumber", input.invoiceNumber(), 64);
        if (input.transportDocument() != null) {
            check.maxLength("transportDocument", input.transportDocument(), 64);
        }
        String currency = check.parse("currency", input.currency(), raw -> {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            if (!settings.exchangeRates().containsKey(code)) {
                String known = String.join(", ", new java.util.TreeSet<>(settings.exchangeRates().keySet()));
                throw new io.epewatch.kernel.InvalidValue("currency", "must be one of the currencies with an exchange rate: " + known, known);
            }
            return code;
        });
        List<DossierInput.Line> lines = input.goods() == null ? List.of() : input.goods();
        if (lines.isEmpty()) {
            check.reject("goods", "required", "is required: at least one goods line");
        } else if (lines.size() > MAX_LINES) {
            check.reject("goods", "at most " + MAX_LINES + " lines");
            lines = List.of();
        }
        List<GoodsLineInput> base = lines.stream().map(l -> l == null ? null : new GoodsLineInput(l.hsCode(),
                l.description(), l.quantity(), l.unit(), l.netWeightKg(), l.grossWeightKg())).toList();
        List<GoodsLine> goods = DeclarationDetails.goods(check, base);
        List<String> origins = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            DossierInput.Line line = lines.get(i);
            if (line == null) {
                continue;
            }
            String at = "goods[" + i + "].";
            BigDecimal price = check.parse(at + "unitPrice", line.unitPrice(), raw -> DeclarationDetails.amount(raw, false));
            String origin = check.parse(at + "origin", line.origin(), raw -> {
                String code = raw.strip().toUpperCase(Locale.ROOT);
                if (!COUNTRIES.contains(code)) {
                    throw new io.epewatch.kernel.InvalidValue("countryCode", "must be a country code of two letters (ISO 3166), like VN, CN or JP");
                }
                return code;
            });
            origins.add(origin);
            int number = i + 1; // DeclarationDetails numbers the lines it kept from 1, by position
            BigDecimal quantity = goods.stream().filter(g -> g.line() == number).map(GoodsLine::quantity)
                    .findFirst().orElse(null);
            if (price != null && quantity != null) {
                total = total.add(price.multiply(quantity));
            }
        }
        for (GoodsLine g : goods) {
            if (g.grossWeightKg() != null) {
                gross = gross.add(g.grossWeightKg());
            }
        }
        List<DeclaredVehicle> vehicles = DeclarationDetails.vehicles(check, input.vehicles());
        if (check.hasProblems() || direction == null || taxCode == null || currency == null) {
            return null;
        }
        BigDecimal rate = settings.exchangeRates().get(currency);
        Assessment assessment = new Assessment(goods.size(), total.setScale(2, RoundingMode.HALF_UP), currency, rate,
                total.multiply(rate).setScale(0, RoundingMode.HALF_UP), gross, BigDecimal.ZERO,
                "EPE goods under type " + type + ": outside the tariff (non-tariff zone, Law 107/2016 Art. 2)",
                settings.feeVnd());
        return new Filed(direction, type, taxCode.value(), goods, origins, vehicles, assessment);
    }
}
