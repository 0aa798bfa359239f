package io.epewatch.kernel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vietnamese road-vehicle plate in one canonical form (grammar in {@code docs/plates.md}):
 * <pre>
 *   plate    = province series "-" number           car, one or two rows:  51C-123.45  29A-1234  50LD-044.11
 *            | province "-" series digit " " number  motorbike, two rows:   59-P1 332.02  15-MD1 453.66  54-L6 4897
 *   province = 2 digits 11..99 (the registering province)
 *   series   = 1 or 2 letters A-Z (LD, KT, NG ... are two-letter series; R trailers)
 *   number   = 5 digits written ddd.dd, or 4 digits (older plates)
 * </pre>
 * Input may use any spacing, dashes and dots, or none ({@code 51c12345}, {@code 59X1-123.45}).
 * Without separators, {@code 51C12345} could be a car or a motorbike ({@code 51-C1 2345}); cars win,
 * because gates see trucks and new plates carry 5 digits.
 */
public record PlateNumber(String value) {

    private static final String PROVINCE = "(\\d{2})";
    private static final String NUMBER = "(\\d{3}[.\\s]?\\d{2}|\\d{4})";
    private static final String GAP = "[\\s\\-.]*";
    private static final String SEPARATOR = "[\\s\\-.]+";

    /** Series and number written apart: the series token is unambiguous. */
    private static final Pattern SEPARATED = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})(\\d?)" + SEPARATOR + NUMBER);
    private static final Pattern CAR = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})()" + NUMBER);
    private static final Pattern MOTORBIKE = Pattern.compile(PROVINCE + GAP + "([A-Z]{1,2})(\\d)" + NUMBER);

    private static final Pattern CANONICAL = Pattern.compile("\\d{2}[A-Z]{1,2}-(\\d{3}\\.\\d{2}|\\d{4})|\\d{2}-[A-Z]{1,2}\\d (\\d{3}\\.\\d{2}|\\d{4})");

    public PlateNumber {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("is not a Vietnamese plate in canonical form");
        }
    }

    public static PlateNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String text = raw.strip().toUpperCase(Locale.ROOT).replace('Đ', 'D');
        for (Pattern form : new Pattern[] {SEPARATED, CAR, MOTORBIKE}) {
            Matcher m = form.matcher(text);
            if (m.matches()) {
                return of(m.group(1), m.group(2), m.group(3), m.group(4).replaceAll("\\D", ""));
            }
        }
        throw new IllegalArgumentException("'" + raw.strip() + "' is not a Vietnamese plate (expected e.g. 51C-123.45, 29A-1234 or 59-P1 332.02)");
    }

    private static PlateNumber of(String province, String series, String seriesDigit, String digits) {
        int provinceCode = Integer.parseInt(province);
        if (provinceCode < 11) {
            throw new IllegalArgumentException("province code " + province + " does not exist (11 to 99)");
        }
        String number = digits.length() == 5 ? digits.substring(0, 3) + "." + digits.substring(3) : digits;
        if (seriesDigit.isEmpty()) {
            return new PlateNumber(province + series + "-" + number);
        }
        return new PlateNumber(province + "-" + series + seriesDigit + " " + number);
    }

    /** Letters and digits only ({@code 51C12345}): how plates are compared and scored. */
    public String compact() {
        return value.replaceAll("[^A-Z0-9]", "");
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** Motorbike plates carry a digit in the series and are printed in two rows. */
    public boolean motorbike() {
        return value.charAt(2) == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}
