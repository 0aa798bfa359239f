package io.epewatch.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese enterprise tax code (mã số thuế): 10 digits, or 10 digits plus a 3-digit branch suffix
 * written {@code 0301234567-001}. The 13-digit form without the dash is accepted and normalised.
 */
public record TaxCode(String value) {

    private static final Pattern FORM = Pattern.compile("(\\d{10})(?:-?(\\d{3}))?");

    public TaxCode {
        if (value == null || !value.matches("\\d{10}(-\\d{3})?")) {
            throw new IllegalArgumentException("must be 10 digits, or 10 digits, a dash and a 3-digit branch number");
        }
    }

    public static TaxCode parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("is required");
        }
        Matcher m = FORM.matcher(raw.strip());
        if (!m.matches()) {
            throw new InvalidValue("taxCode", "must be 10 digits, or 10 digits, a dash and a 3-digit branch number");
        }
        return new TaxCode(m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2));
    }

    @Override
    public String toString() {
        return value;
    }
}
