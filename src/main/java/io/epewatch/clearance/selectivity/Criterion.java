package io.epewatch.clearance.selectivity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.epewatch.declaration.Declaration.Lane;

/**
 * A selectivity criterion HQ analysts edit (R5.5, R5.8): when it fires, the declaration goes to at least its lane.
 *
 * @param parameter what the kind compares with: a list of HS prefixes or countries, an amount, a count or a score
 */
public record Criterion(long id, Kind kind, String parameter, Lane lane, String note, boolean enabled) {

    /** What a criterion looks at. The last four are what only this system knows, or knows best. */
    public enum Kind {
        /** HS codes starting with one of the listed prefixes (2 to 8 digits, comma-separated). */
        HS_CODE,
        /** Goods originating in one of the listed countries (ISO 3166 alpha-2, comma-separated). */
        ORIGIN,
        /** Total value above the amount in dong. */
        VALUE_ABOVE,
        /** The declarant had at least this many discrepancies found in the last 12 months. */
        DECLARANT_VIOLATIONS,
        /** The EPE's camera compliance score (R2.5) is below this. */
        COMPLIANCE_BELOW,
        /** At least this many camera incidents of the EPE are open. */
        OPEN_CAMERA_INCIDENTS,
        /** At least this many gate-analysis warnings of the EPE are open from the last 30 days. */
        RECENT_WARNINGS;

        /** The parameter in its stored form, or an exception whose message says what is wrong. */
        public String normalise(String raw) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("is required");
            }
            return switch (this) {
                case HS_CODE -> list(value, "\\d{2,8}", "HS code prefixes of 2 to 8 digits, comma-separated, like 9303,8542");
                case ORIGIN -> list(value.toUpperCase(Locale.ROOT), "[A-Z]{2}", "country codes of two letters, comma-separated, like CN,KP");
                case VALUE_ABOVE -> {
                    try {
                        BigDecimal amount = new BigDecimal(value);
                        if (amount.signum() < 0) {
                            throw new IllegalArgumentException("must not be negative");
                        }
                        yield amount.toPlainString();
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("must be an amount in dong, like 5000000000");
                    }
                }
                case DECLARANT_VIOLATIONS, OPEN_CAMERA_INCIDENTS, RECENT_WARNINGS, COMPLIANCE_BELOW -> {
                    if (!value.matches("\\d{1,3}")) {
                        throw new IllegalArgumentException("must be a whole number from 0 to 999");
                    }
                    yield Integer.toString(Integer.parseInt(value));
                }
            };
        }

        private static String list(String value, String item, String expected) {
            List<String> items = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (items.isEmpty() || items.stream().anyMatch(i -> !i.matches(item))) {
                throw new IllegalArgumentException("must be " + expected);
            }
            return String.join(",", items);
        }
    }
}
