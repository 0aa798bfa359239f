package io.epewatch.kernel;

import java.util.Locale;

/** A seal number as customs and shippers write them (R5.7, R5.8): 3 to 32 letters, digits or dashes, upper case. */
public final class SealNumber {

    private SealNumber() {
    }

    /** The seal number in canonical form, or an exception whose message says what is wrong. */
    public static String parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!value.matches("[A-Za-z0-9-]{3,32}")) {
            throw new InvalidValue("sealNumber", "must be 3 to 32 letters, digits or dashes");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
